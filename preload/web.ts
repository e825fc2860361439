/**
 * The browser host's preload: the same `window.desk` as in Electron, carried
 * over a WebSocket to main/web/server.ts.
 *
 * The session secret arrives in the URL fragment (`/#<secret>`, see common/web-protocol.ts),
 * is taken off the address bar at once, and is kept in this tab's sessionStorage so a reload
 * still works. Why that is acceptable: sessionStorage is per tab and per origin *including the
 * port* (unlike a cookie, no other local server ever sees it); the only scripts on this origin
 * are the bridge and the app (CSP `script-src 'self'`), and the app already holds `window.desk`,
 * which is everything the secret grants. The secret lives as long as the host process; the
 * admin token and token values never take this path.
 */
import { isEventName } from '../common/channel-names';
import type { DeskResult } from '../common/errors';
import { createBridge } from './bridge';
import type { Transport } from './bridge';
import { createClipboardAgent } from './web-clipboard';
import { serverMessageReader, SESSION_STORAGE_KEY, sessionProtocol, WS_PATH, WS_PROTOCOL } from '../common/web-protocol';
import type { ClientMessage } from '../common/web-protocol';

const SECRET_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;
const NO_SESSION_MESSAGE = 'Token Desk: open the full URL printed by `npm run serve` (the part after # is the access secret).';

/** The secret from the fragment (then removed from the address bar and history), or from an earlier load of this tab. */
function takeSessionSecret(): string | undefined {
  const fromFragment = location.hash.slice(1);
  if (SECRET_SHAPE.test(fromFragment)) {
    history.replaceState(history.state, '', location.pathname + location.search);
    try {
      sessionStorage.setItem(SESSION_STORAGE_KEY, fromFragment);
    } catch {
      // Storage disabled: this load works, a reload will ask for the URL again.
    }
    return fromFragment;
  }
  try {
    return sessionStorage.getItem(SESSION_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Without a secret nothing can work: say so above the app, in the app's own banner style. */
function showNoSessionNotice(): void {
  const show = () => {
    const notice = document.createElement('p');
    notice.setAttribute('role', 'alert');
    notice.className = 'banner banner-error';
    notice.textContent = NO_SESSION_MESSAGE;
    document.body.prepend(notice);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
  else show();
}


function createWebSocketTransport(secret: string | undefined): Transport {
  const pending = new Map<number, (result: DeskResult<unknown>) => void>();
  const eventListeners = new Set<(event: never, payload: unknown) => void>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opening: Promise<WebSocket> | undefined;
  // Copy happens here, in the bridge, so the value never passes through the React app.
  const clipboard = createClipboardAgent({
    clipboard: navigator.clipboard,
    report: (report) => {
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(report satisfies ClientMessage));
    },
    onFront: (retry) => {
      window.addEventListener('focus', retry);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') retry();
      });
    },
  });

  const offline = (): DeskResult<unknown> =>
    secret
      ? {
          ok: false,
          error: {
            code: 'offline',
            message: 'Lost the connection to the Token Desk host. Is `npm run serve` still running? If it was restarted, open the new URL it printed.',
          },
        }
      : { ok: false, error: { code: 'unauthorized', message: NO_SESSION_MESSAGE } };

  function open(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (!secret) return Promise.reject(new Error('no session'));
    if (opening) return opening;
    const url = new URL(WS_PATH, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    opening = new Promise((resolve, reject) => {
      const ws = new WebSocket(url, [WS_PROTOCOL, sessionProtocol(secret)]);
      ws.onopen = () => {
        socket = ws;
        opening = undefined;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = undefined;
        reject(new Error('websocket failed'));
      };
      ws.onclose = () => {
        socket = undefined;
        for (const settle of pending.values()) settle(offline());
        pending.clear();
      };
      const read = serverMessageReader((data) => {
        if (data.type === 'result') {
          pending.get(data.id)?.(data.result);
          pending.delete(data.id);
        } else if (data.type === 'clipboard') {
          void clipboard.handle(data.op, data.text, data.seq);
        } else if (data.type === 'event' && isEventName(data.event)) {
          for (const listener of eventListeners) listener(data.event as never, data.payload);
        }
      });
      ws.onmessage = (message) => read(String(message.data));
    });
    return opening;
  }

  return {
    async invoke(channel, input) {
      let ws: WebSocket;
      try {
        ws = await open();
      } catch {
        return offline();
      }
      const id = nextId++;
      const message: ClientMessage = { type: 'invoke', id, channel, input };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify(message));
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      void open().catch(() => undefined);
      return () => eventListeners.delete(listener);
    },
  };
}

const secret = takeSessionSecret();
if (!secret) showNoSessionNotice();
(window as unknown as { desk: unknown }).desk = createBridge(createWebSocketTransport(secret));
