/**
 * The browser host's preload: the same `window.desk` as in Electron, carried
 * over a WebSocket to main/web/server.ts. The session cookie set by the
 * host's secret URL authenticates the upgrade; the host also checks Origin.
 */
import { isEventName } from '../common/contract';
import type { DeskResult } from '../common/errors';
import { createBridge } from './bridge';
import type { Transport } from './bridge';
import { WS_PATH } from '../common/web-protocol';
import type { ClientMessage, ServerMessage } from '../common/web-protocol';

/** Copy happens here, in the bridge, so the value never passes through the React app. */
async function applyClipboard(op: 'write' | 'clearIf', text: string): Promise<void> {
  try {
    if (op === 'write') await navigator.clipboard.writeText(text);
    else if ((await navigator.clipboard.readText()) === text) await navigator.clipboard.writeText('');
  } catch {
    // Without clipboard permission there is nothing safe to fall back to.
  }
}

function createWebSocketTransport(): Transport {
  const pending = new Map<number, (result: DeskResult<unknown>) => void>();
  const eventListeners = new Set<(event: never, payload: unknown) => void>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opening: Promise<WebSocket> | undefined;

  const offline = (): DeskResult<unknown> => ({
    ok: false,
    error: { code: 'offline', message: 'Lost the connection to the Token Desk host. Is `npm run serve` still running?' },
  });

  function open(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    const url = new URL(WS_PATH, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    opening = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
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
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as ServerMessage;
        if (data.type === 'result') {
          pending.get(data.id)?.(data.result);
          pending.delete(data.id);
        } else if (data.type === 'clipboard') {
          void applyClipboard(data.op, data.text);
        } else if (data.type === 'event' && isEventName(data.event)) {
          for (const listener of eventListeners) listener(data.event as never, data.payload);
        }
      };
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

(window as unknown as { desk: unknown }).desk = createBridge(createWebSocketTransport());
