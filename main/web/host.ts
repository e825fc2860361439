/**
 * The browser host: the same core and handler table as the Electron app, under
 * plain Node, serving the built renderer on 127.0.0.1 and carrying `window.desk`
 * over a WebSocket. Used for end-to-end tests in a real Chromium, and where
 * Electron cannot run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { WS_PATH } from '../../common/web-protocol';
import type { ClientMessage, ServerMessage } from '../../common/web-protocol';
import type { Dispatch, HandlerContext } from '../core/dispatch';
import { checkUpgrade, createSecret, hasSession, secretsMatch, sessionCookie } from './auth';
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
  /** The URL to open: carries the secret once, like Jupyter's. */
  url: string;
  port: number;
  /** Push an event to every connected page. */
  broadcast: HandlerContext['emit'];
  /** Send a raw protocol message (e.g. clipboard work for the bridge) to every connected page. */
  sendToPages(message: ServerMessage): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024; // room for a 1 MB logo, base64-encoded, with margin

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const secret = options.secret ?? createSecret();
  const sockets = new Set<WebSocket>();
  let origin = '';
  let allowedOrigins = new Set<string>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders(origin)).end('Method not allowed');
      return;
    }
    if (secretsMatch(url.searchParams.get('token'), secret)) {
      res.writeHead(302, { ...securityHeaders(origin), 'Set-Cookie': sessionCookie(secret), Location: '/' }).end();
      return;
    }
    if (!hasSession(req, secret)) {
      res
        .writeHead(403, { ...securityHeaders(origin), 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Token Desk: open the full URL printed by `npm run serve` (it carries the access secret).');
      return;
    }
    void serveStatic(res, url.pathname, { renderer: options.rendererDir, bridgeScript: options.bridgeScript }, origin);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const verdict = path === WS_PATH ? checkUpgrade(req, secret, allowedOrigins) : ({ ok: false, status: 403, reason: 'unknown path' } as const);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const broadcast: HandlerContext['emit'] = (event, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload });
  };

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    const ctx: HandlerContext = { host: 'browser', emit: (event, payload) => send(ws, { type: 'event', event, payload }) };
    ws.on('message', async (raw) => {
      let message: ClientMessage;
      try {
        message = JSON.parse(raw.toString()) as ClientMessage;
      } catch {
        return; // Not ours; nothing to answer.
      }
      if (message?.type !== 'invoke' || typeof message.id !== 'number') return;
      const result = await options.dispatch(message.channel, message.input, ctx);
      send(ws, { type: 'result', id: message.id, result });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);

  return {
    origin,
    url: `${origin}/?token=${secret}`,
    port,
    broadcast,
    sendToPages(message) {
      for (const ws of sockets) send(ws, message);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
