/**
 * The browser host: the same core and handler table as the Electron app, under
 * plain Node, serving the built renderer on 127.0.0.1 and carrying `window.desk`
 * over a WebSocket. Used for end-to-end tests in a real Chromium, and where
 * Electron cannot run.
 *
 * It must never fall over on a request: every edge (request target, Host, Origin,
 * percent-escapes, upgrade, frames) answers what it cannot read with a 4xx or a
 * closed socket, and nothing a client sends can throw out of a handler.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { resultFrames, WS_CLOSE, WS_PROTOCOL } from '../../common/web-protocol';
import { clientMessageSchema } from './client-message';
import type { ServerMessage } from '../../common/web-protocol';
import type { DeskResult } from '../../common/errors';
import type { EventName, EventPayload } from '../../common/contract';
import { INTERNAL_ERROR_DATA } from '../../common/messages';
import type { Dispatch, HandlerContext } from '../core/dispatch';
import { checkRequest, checkUpgrade, createSecret, hostNames, requestPath } from './auth';
import { clipboardReportNotice } from './page-clipboard';
import type { PageSender } from './page-clipboard';
import { securityHeaders, serveStatic } from './static';

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  bridgeScript: string;
  port?: number;
  secret?: string;
}

export interface RunningWebHost {
  origin: string;
  /** The URL to open: the secret is in the fragment, which no server ever receives. */
  url: string;
  port: number;
  /** The page whose call is being handled right now (for clipboard work), if any. */
  requestingPage(): PageSender | undefined;
  /** Sends an event (already gated) to every open page: work main does on its own, e.g. rotation plans. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024; // room for a 1 MB logo, base64-encoded, with margin
const MAX_HEADER_BYTES = 16 * 1024;

const internalError: DeskResult<never> = { ok: false, error: { ...INTERNAL_ERROR_DATA } };
const malformedMessage: DeskResult<never> = { ok: false, error: { code: 'validation', message: 'Malformed message: expected {type:"invoke", id, channel, input}.' } };

function refuseUpgrade(socket: Socket, status: number): void {
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroySoon?.();
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const secret = options.secret ?? createSecret();
  const sockets = new Set<WebSocket>();
  const requester = new AsyncLocalStorage<PageSender>();
  let names = hostNames(0);
  let origin = '';
  const dirs = { renderer: options.rendererDir, bridgeScript: options.bridgeScript };

  const reply = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, { ...securityHeaders(origin), 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(text);
  };

  const handleRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = requestPath(req.url);
    if (path === undefined) return reply(res, 400, 'Bad request');
    const verdict = checkRequest(req, names);
    if (!verdict.ok) return reply(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed');
    // Every address of the app (/quick, /tokens/TKN-…) is the same page, which picks its view from the path.
    void serveStatic(res, path, dirs, verdict.origin);
  };

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    try {
      handleRequest(req, res);
    } catch {
      // Every known edge answers above; this is the net under the net, per request, not per process.
      if (!res.headersSent) reply(res, 400, 'Bad request');
      else res.destroy();
    }
  });

  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: MAX_MESSAGE_BYTES,
    // Select the plain protocol, never echo the session one back.
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    // Once upgraded the socket is ours: without a listener a reset would end the process.
    socket.on('error', () => socket.destroy());
    try {
      const verdict = checkUpgrade(req, secret, names);
      if (!verdict.ok) return refuseUpgrade(socket, verdict.status);
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
    } catch {
      refuseUpgrade(socket, 400);
    }
  });

  const send = (ws: WebSocket, message: ServerMessage): boolean => sendFrames(ws, [JSON.stringify(message)]);
  // Back to back, so nothing can come between a result and its packed frame.
  const sendFrames = (ws: WebSocket, frames: readonly string[]): boolean => {
    if (ws.readyState !== ws.OPEN) return false;
    try {
      for (const frame of frames) ws.send(frame);
      return true;
    } catch {
      return false;
    }
  };

  function onConnection(ws: WebSocket): void {
    sockets.add(ws);
    // Bad frames (bad UTF-8, oversized, unmasked): ws closes the socket; without a listener it would throw.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => sockets.delete(ws));
    const page: PageSender = (message) => send(ws, message);
    const ctx: HandlerContext = { host: 'browser', emit: (event, payload) => void send(ws, { type: 'event', event, payload }) };
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (isBinary) return ws.close(WS_CLOSE.unsupportedData, 'Text frames only.');
      let data: unknown;
      try {
        data = JSON.parse(raw.toString());
      } catch {
        return ws.close(WS_CLOSE.policyViolation, 'Not JSON.');
      }
      const message = clientMessageSchema.safeParse(data);
      if (!message.success) {
        // Answer what can be correlated, so a caller is never left waiting; drop the rest.
        const id = (data as { id?: unknown } | null)?.id;
        if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return void send(ws, { type: 'result', id, result: malformedMessage });
        return ws.close(WS_CLOSE.policyViolation, 'Not a Token Desk message.');
      }
      if (message.data.type === 'clipboardReport') {
        const notice = clipboardReportNotice(message.data);
        if (notice) ctx.emit('app.notice', notice);
        return;
      }
      const { id, channel, input } = message.data;
      void requester
        .run(page, () => options.dispatch(channel, input, ctx))
        .catch(() => internalError)
        .then((result) => sendFrames(ws, resultFrames(id, result)));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  names = hostNames(port);

  return {
    origin,
    url: `${origin}/#${secret}`,
    port,
    requestingPage: () => requester.getStore(),
    broadcast(event, payload) {
      for (const ws of sockets) send(ws, { type: 'event', event, payload });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
