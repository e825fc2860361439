/**
 * A scriptable local HTTP server for the client's unit tests: real sockets, real fetch.
 * Each request is recorded; the handler decides the answer (or destroys the socket).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (req: Recorded, res: ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: Recorded[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_req, res) => json(res, 200, {}));
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(rec);
      void Promise.resolve(handler(rec, res, requests.length - 1)).catch((err: unknown) => {
        res.statusCode = 599;
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

export function problem(res: ServerResponse, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title: 'Error', status, ...extra }));
}

/** Drop the connection without an answer (a "lost" response). */
export function drop(res: ServerResponse): void {
  res.socket?.destroy();
}

export const sampleToken = (over: Record<string, unknown> = {}) => ({
  id: 'TKN-1234-5678',
  name: 'Robot',
  description: null,
  icon: '',
  status: 'Active',
  lastAccessAt: null,
  account: { id: 'ACC-1111-2222', name: 'Stark Industries', type: 'Client', status: 'Active' },
  modules: [{ id: 'MOD-1756', name: 'Access Management' }],
  audit: { created: { at: '2025-04-15T12:34:00.000Z', by: { id: 'USR-1234-1210', name: 'John Smith' } } },
  revision: 1,
  ...over,
});

export const TOKEN = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
