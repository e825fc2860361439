/** Raw HTTP over net.Socket, for requests no well-behaved client would send (shared by the host tests and the security gate). */
import net from 'node:net';
import WebSocket from 'ws';

export interface RawResponse {
  /** The status code of the first response line, or null when the server closed without one. */
  status: number | null;
  text: string;
}

/** Sends `request` as is and reads until the server closes or `timeoutMs` passes. */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 3_000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      // One response is enough: the host answers "Connection: close" to what it refuses.
      if (/\r\n\r\n/.test(text) && /^HTTP\/1\.1 \d{3}/.test(text) && !/Upgrade: websocket/i.test(text)) {
        const length = /content-length: (\d+)/i.exec(text);
        const body = text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
        if (length && body.length >= Number(length[1])) done();
      }
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

export const get = (port: number, target: string, headers: Record<string, string> = {}) =>
  rawRequest(
    port,
    `GET ${target} HTTP/1.1\r\nHost: ${headers.Host ?? `127.0.0.1:${port}`}\r\n${Object.entries(headers)
      .filter(([k]) => k !== 'Host')
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}Connection: close\r\n\r\n`,
  );

export interface UpgradeOutcome {
  status: number | null;
  opened: boolean;
  protocol?: string;
}

/** A WebSocket upgrade with the headers a test chooses (Node's client may set Origin, a browser may not). */
export function tryUpgrade(url: string, protocols: string[], headers: Record<string, string>): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols, { headers });
    ws.on('open', () => {
      const protocol = ws.protocol;
      ws.close();
      resolve({ status: 101, opened: true, protocol });
    });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? null, opened: false }));
    ws.on('error', () => resolve({ status: null, opened: false }));
  });
}
