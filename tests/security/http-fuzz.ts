/**
 * HTTP fuzz of the browser host over raw sockets: malformed request lines, bad escapes (with
 * and without the secret), foreign Host and Origin, oversized headers, odd methods, smuggling
 * shapes, WebSocket upgrades without the secret, resets mid-request. Each must be refused with
 * a 4xx or a closed connection, and after each one the host must still serve its page.
 */
import net from 'node:net';
import { sessionProtocol, WS_PROTOCOL } from '../../common/web-protocol';
import type { RunningWebHost } from '../../main/web/host';
import { rawRequest } from '../unit/bridge/raw-http';

export interface HttpFigures {
  cases: number;
  refused4xx: number;
  closed: number;
  findings: string[];
}

interface HttpCase {
  label: string;
  request: string | Buffer;
}

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';

export function httpCases(port: number, secret: string, origin: string): HttpCase[] {
  const host = `Host: 127.0.0.1:${port}\r\n`;
  const get = (target: string, extra = '', hostLine = host) => `GET ${target} HTTP/1.1\r\n${hostLine}${extra}Connection: close\r\n\r\n`;
  const upgrade = (extra: string, target = '/desk', hostLine = host) =>
    `GET ${target} HTTP/1.1\r\n${hostLine}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;
  const withSecret = `Sec-WebSocket-Protocol: ${WS_PROTOCOL}, ${sessionProtocol(secret)}\r\nCookie: token_desk_session=${secret}\r\n`;
  const own = `Origin: ${origin}\r\n`;
  const cases: HttpCase[] = [
    { label: 'absolute-form with a broken IPv6 host', request: get('http://[') },
    { label: 'absolute-form URL', request: get(`http://127.0.0.1:${port}/`) },
    { label: 'asterisk target', request: get('*') },
    { label: 'empty target', request: `GET  HTTP/1.1\r\n${host}\r\n` },
    { label: 'HTTP/0.9 line', request: 'GET /\r\n\r\n' },
    { label: 'unknown version', request: `GET / HTTP/9.9\r\n${host}\r\n` },
    { label: 'binary garbage', request: Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10]) },
    { label: 'NUL in the target', request: `GET /\u0000 HTTP/1.1\r\n${host}\r\n` },
    { label: 'bare LF line endings', request: `GET http://[ HTTP/1.1\n${host.trim()}\n\n` },
    { label: '100 kB target', request: get(`/${'a'.repeat(100_000)}`) },
    { label: 'no Host header', request: 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n' },
    { label: 'two Host headers', request: get('/', '', `${host}Host: evil.example\r\n`) },
    { label: 'foreign Host', request: get('/', '', 'Host: evil.example\r\n') },
    { label: 'foreign Host with the secret', request: get('/', withSecret, 'Host: evil.example\r\n') },
    { label: 'localhost lookalike Host', request: get('/', '', `Host: localhost.evil.example:${port}\r\n`) },
    { label: 'other port Host', request: get('/', '', `Host: 127.0.0.1:${port + 1}\r\n`) },
    { label: 'IPv6 loopback Host', request: get('/', '', `Host: [::1]:${port}\r\n`) },
    { label: 'foreign Origin', request: get('/', 'Origin: http://evil.example\r\n') },
    { label: 'null Origin', request: get('/', 'Origin: null\r\n') },
    { label: 'other port Origin', request: get('/', `Origin: http://127.0.0.1:${port + 1}\r\n`) },
    { label: 'oversized header (20 kB)', request: get('/', `X-Big: ${'a'.repeat(20_000)}\r\n`) },
    { label: '2,000 headers', request: get('/', Array.from({ length: 2000 }, (_, i) => `X-${i}: y\r\n`).join('')) },
    { label: 'POST', request: `POST / HTTP/1.1\r\n${host}Content-Length: 2\r\nConnection: close\r\n\r\nhi` },
    { label: 'PUT', request: `PUT /index.html HTTP/1.1\r\n${host}Content-Length: 0\r\nConnection: close\r\n\r\n` },
    { label: 'DELETE', request: `DELETE / HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { label: 'TRACE', request: `TRACE / HTTP/1.1\r\n${host}Connection: close\r\n\r\n` },
    { label: 'CONNECT', request: `CONNECT 127.0.0.1:22 HTTP/1.1\r\n${host}\r\n` },
    { label: 'Content-Length and chunked', request: `POST / HTTP/1.1\r\n${host}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n` },
    { label: 'bad chunk size', request: `POST / HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n\r\nzz\r\n` },
  ];
  for (const escape of ['/%E0%A4%A', '/%', '/%ZZ', '/assets/%C0%AF', '/%ff%fe', '/index.html%00', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwin.ini']) {
    cases.push({ label: `bad escape ${escape}`, request: get(escape) });
    cases.push({ label: `bad escape ${escape} with the secret`, request: get(escape, withSecret) });
  }
  cases.push(
    { label: 'upgrade without the secret', request: upgrade(own) },
    { label: 'upgrade with the plain protocol only', request: upgrade(`${own}Sec-WebSocket-Protocol: ${WS_PROTOCOL}\r\n`) },
    { label: 'upgrade with a wrong secret', request: upgrade(`${own}Sec-WebSocket-Protocol: ${WS_PROTOCOL}, ${sessionProtocol('x'.repeat(secret.length))}\r\n`) },
    { label: 'upgrade with a secret one character short', request: upgrade(`${own}Sec-WebSocket-Protocol: ${WS_PROTOCOL}, ${sessionProtocol(secret.slice(1))}\r\n`) },
    { label: 'upgrade with the secret in the query', request: upgrade(own, `/desk?token=${secret}`) },
    { label: 'upgrade with the secret in a cookie', request: upgrade(`${own}Cookie: token_desk_session=${secret}\r\n`) },
    { label: 'upgrade with the session protocol but not ours', request: upgrade(`${own}Sec-WebSocket-Protocol: ${sessionProtocol(secret)}\r\n`) },
    { label: 'upgrade with two session protocols', request: upgrade(`${own}Sec-WebSocket-Protocol: ${WS_PROTOCOL}, ${sessionProtocol(secret)}, ${sessionProtocol('y')}\r\n`) },
    { label: 'upgrade from a foreign Origin with the secret', request: upgrade(`Origin: http://evil.example\r\n${withSecret}`) },
    { label: 'upgrade without Origin with the secret', request: upgrade(withSecret) },
    { label: 'upgrade to another path with the secret', request: upgrade(`${own}${withSecret}`, '/other') },
    { label: 'upgrade with a malformed target', request: upgrade(`${own}${withSecret}`, 'http://[') },
    { label: 'upgrade with a bad escape', request: upgrade(`${own}${withSecret}`, '/desk%E0%A4%A') },
    { label: 'upgrade under a foreign Host with the secret', request: upgrade(`${own}${withSecret}`, '/desk', 'Host: evil.example\r\n') },
    { label: 'upgrade with a bad key and the secret', request: upgrade(`${own}${withSecret}`).replace(KEY, 'short') },
    { label: 'upgrade with an unknown version and the secret', request: upgrade(`${own}${withSecret}`).replace('Version: 13', 'Version: 99') },
    { label: 'upgrade with a 1 kB protocol header', request: upgrade(`${own}Sec-WebSocket-Protocol: ${WS_PROTOCOL}, ${'p'.repeat(1024)}\r\n`) },
  );
  return cases;
}

/** Half a request, then a reset: the host must not die on the socket error. */
function resetMidRequest(port: number, partial: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(partial);
      setTimeout(() => {
        socket.resetAndDestroy();
        resolve();
      }, 20);
    });
    socket.on('error', () => resolve());
  });
}

export async function fuzzHttp(host: RunningWebHost, secret: string): Promise<HttpFigures> {
  const findings: string[] = [];
  let refused4xx = 0;
  let closed = 0;
  const stillServes = async (after: string) => {
    const page = await rawRequest(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
    if (page.status !== 200) findings.push(`after "${after}" the host no longer serves its page (${page.status})`);
  };
  const cases = httpCases(host.port, secret, host.origin);
  for (const c of cases) {
    const response = await rawRequest(host.port, c.request);
    if (response.status === null) closed++;
    else if (response.status >= 400 && response.status < 500) refused4xx++;
    else findings.push(`${c.label}: answered ${response.status}`);
    await stillServes(c.label);
  }
  const resets = [
    `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`,
    `GET /desk HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${host.origin}\r\nSec-WebSocket-Protocol: ${WS_PROTOCOL}, ${sessionProtocol(secret)}\r\n\r\n`,
    `POST / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 100000\r\n\r\nabc`,
  ];
  for (const partial of resets) {
    await resetMidRequest(host.port, partial);
    closed++;
    await stillServes('a reset mid-request');
  }
  return { cases: cases.length + resets.length, refused4xx, closed, findings };
}
