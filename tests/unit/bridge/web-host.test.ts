/**
 * The browser host at its edges, over real sockets: it answers what it cannot parse with a
 * 4xx or a closed connection, never exits, serves only its own Host names, needs the session
 * secret (offered as a WebSocket subprotocol) for anything beyond the public build, and sends
 * clipboard work only to the page that asked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serverMessageReader, sessionProtocol, WS_PATH, WS_PROTOCOL } from '../../../common/web-protocol';
import type { ServerMessage } from '../../../common/web-protocol';
import { createDispatch } from '../../../main/core/dispatch';
import type { HandlerTable } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import type { CoreServices } from '../../../main/core/services';
import { createClipboardService } from '../../../main/core/clipboard';
import { startWebHost } from '../../../main/web/host';
import type { RunningWebHost } from '../../../main/web/host';
import { createPageClipboard } from '../../../main/web/page-clipboard';
import { get, rawRequest, tryUpgrade } from './raw-http';

const SECRET = 'unit-test-secret-0123456789abcdef';
const VALUE = 'idt:TKN-1234-5678:abcDEF0123456789abcDEF0123456789';
/** Stands for a packed token list: JSON with quotes, escapes and non-ASCII text. */
const PACKED = JSON.stringify({ table: { name: ['a "quoted" name', 'back\\slash', 'Zoë ✓'] }, hasValue: '010' });
let host: RunningWebHost;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Token Desk</title><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'bridge.js'), '/* bridge */');
  let requestingPage: RunningWebHost['requestingPage'] = () => undefined;
  const clipboard = createClipboardService(createPageClipboard(() => requestingPage()), { clearAfterMs: 0 });
  const table = {
    ...createHandlerTable({} as CoreServices),
    // The real clipboard path of values.copy: the page clipboard behind the clipboard service.
    'values.copy': async () => ({ clearsAt: (await clipboard.copySecret(VALUE)).clearsAt ?? 'never' }),
    'tokens.cached': async () => ({ tokens: [], packed: PACKED, fetchedAt: '2026-01-01T00:00:00.000Z' }),
  } as HandlerTable;
  host = await startWebHost({ dispatch: createDispatch(table), rendererDir: dir, bridgeScript: path.join(dir, 'bridge.js'), secret: SECRET });
  requestingPage = host.requestingPage;
});

afterAll(async () => {
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const wsUrl = () => `ws://127.0.0.1:${host.port}${WS_PATH}`;
const ownOrigin = () => ({ Origin: host.origin });

async function stillAnswers(): Promise<void> {
  const response = await get(host.port, '/');
  expect(response.status).toBe(200);
  expect(response.text).toContain('<div id="root">');
}

function openPage(): Promise<{ ws: WebSocket; messages: ServerMessage[]; frames: string[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(), [WS_PROTOCOL, sessionProtocol(SECRET)], { headers: ownOrigin() });
    const messages: ServerMessage[] = [];
    const frames: string[] = [];
    const read = serverMessageReader((message) => messages.push(message));
    ws.on('message', (data) => {
      frames.push(data.toString());
      read(data.toString());
    });
    ws.on('open', () => resolve({ ws, messages, frames }));
    ws.on('error', reject);
  });
}

const waitFor = async (check: () => boolean, ms = 3_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('requests the host cannot parse', () => {
  it('a malformed request line gets 400, and the host keeps serving', async () => {
    const response = await rawRequest(host.port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    expect(response.status).toBe(400);
    await stillAnswers();
  });

  it('a bad percent-escape gets 400, and the host keeps serving', async () => {
    expect((await get(host.port, '/%E0%A4%A')).status).toBe(400);
    expect((await get(host.port, '/assets/%ZZ.js')).status).toBe(400);
    await stillAnswers();
  });

  it('a malformed upgrade request gets 400, and the host keeps serving', async () => {
    const response = await rawRequest(
      host.port,
      `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(response.status).toBe(400);
    await stillAnswers();
  });

  it('a path outside the build or with a NUL is not served', async () => {
    // Encoded slashes survive URL parsing, so these reach the file lookup with their `..` intact.
    expect((await get(host.port, '/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await get(host.port, '/assets/..%2f..%2fhosts')).status).toBe(404);
    expect((await get(host.port, '/index.html%00')).status).toBe(400);
    // Dot segments, plain or encoded, would be resolved away by URL parsing and land on the app page.
    expect((await get(host.port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(400);
    expect((await get(host.port, '/tokens/%2E/audit')).status).toBe(400);
  });
});

describe('addresses of the app', () => {
  it('answers an extensionless path with the page (with its bridge), a missing file with 404', async () => {
    for (const target of ['/tokens/TKN-1234-5678', '/audit', '/no-such-page', '/quick']) {
      const answer = await get(host.port, target);
      expect(answer.status, target).toBe(200);
      expect(answer.text, target).toContain('<div id="root">');
      expect(answer.text, target).toContain('desk-bridge.js');
    }
    expect((await get(host.port, '/missing.js')).status).toBe(404);
    expect((await get(host.port, '/assets/missing-0123abcd.js')).status).toBe(404);
  });
});

describe('Host and Origin', () => {
  it('serves 127.0.0.1:<port> and localhost:<port> only', async () => {
    expect((await get(host.port, '/', { Host: `localhost:${host.port}` })).status).toBe(200);
    expect((await get(host.port, '/', { Host: 'evil.example' })).status).toBe(421);
    expect((await get(host.port, '/', { Host: `127.0.0.1:${host.port + 1}` })).status).toBe(421);
  });

  it('refuses a request that names another site as its Origin', async () => {
    expect((await get(host.port, '/', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(host.port, '/', { Origin: host.origin })).status).toBe(200);
  });

  it('sets no cookie and the CSP allows only the WebSocket of the name the page was opened under', async () => {
    const response = await get(host.port, '/', { Host: `localhost:${host.port}` });
    expect(response.text).not.toMatch(/set-cookie/i);
    expect(response.text).toContain(`connect-src ws://localhost:${host.port}`);
  });
});

describe('the WebSocket session', () => {
  it('opens with the secret as a subprotocol and selects only the plain one', async () => {
    expect(await tryUpgrade(wsUrl(), [WS_PROTOCOL, sessionProtocol(SECRET)], ownOrigin())).toEqual({ status: 101, opened: true, protocol: WS_PROTOCOL });
  });

  it('is refused without the secret, with a wrong one, from another origin, or under another Host', async () => {
    expect(await tryUpgrade(wsUrl(), [WS_PROTOCOL], ownOrigin())).toMatchObject({ status: 401, opened: false });
    expect(await tryUpgrade(wsUrl(), [WS_PROTOCOL, sessionProtocol(`${SECRET.slice(0, -1)}x`)], ownOrigin())).toMatchObject({ status: 401 });
    expect(await tryUpgrade(`${wsUrl()}?token=${SECRET}`, [], ownOrigin())).toMatchObject({ status: 401 });
    expect(await tryUpgrade(wsUrl(), [WS_PROTOCOL, sessionProtocol(SECRET)], { Origin: 'http://evil.example' })).toMatchObject({ status: 403 });
    expect(await tryUpgrade(wsUrl(), [WS_PROTOCOL, sessionProtocol(SECRET)], {})).toMatchObject({ status: 403 });
    expect(await tryUpgrade(wsUrl(), [WS_PROTOCOL, sessionProtocol(SECRET)], { ...ownOrigin(), Host: 'evil.example' })).toMatchObject({ status: 421 });
    await stillAnswers();
  });

  it('answers malformed frames with an error or a close, and keeps answering', async () => {
    const { ws, messages } = await openPage();
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'no.such', input: {} }));
    ws.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'app.info', input: { __proto__: 1, x: 'a'.repeat(100_000) } }));
    ws.send(JSON.stringify({ type: 'nonsense', id: 3 }));
    await waitFor(() => messages.length === 3);
    expect(messages.map((m) => (m.type === 'result' ? [m.id, m.result.ok] : m.type)).sort()).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);

    const second = await openPage();
    const closedBinary = new Promise<number>((resolve) => second.ws.on('close', (code) => resolve(code)));
    second.ws.send(Buffer.from([0, 1, 2]), { binary: true });
    expect(await closedBinary).toBe(1003);
    await stillAnswers();
  });
});

describe('a packed token list', () => {
  it('travels as a frame of its own, as is, and the reader puts it back into its reply', async () => {
    const page = await openPage();
    page.ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'tokens.cached', input: { packed: true, connectionId: 'c1' } }));
    page.ws.send(JSON.stringify({ type: 'invoke', id: 4, channel: 'tokens.cached', input: { packed: true, connectionId: 'c1' } }));
    await waitFor(() => page.messages.length === 2);
    // Not JSON-encoded a second time inside the reply: the list's own text is the next frame.
    expect(page.frames).toHaveLength(4);
    expect(JSON.parse(page.frames[0]!)).toMatchObject({ type: 'result', id: 3, packedNext: true, result: { ok: true, value: { fetchedAt: '2026-01-01T00:00:00.000Z' } } });
    expect(JSON.parse(page.frames[0]!).result.value).not.toHaveProperty('packed');
    expect(page.frames[1]).toBe(PACKED);
    expect(page.messages).toEqual([3, 4].map((id) => ({ type: 'result', id, result: { ok: true, value: { tokens: [], packed: PACKED, fetchedAt: '2026-01-01T00:00:00.000Z' } } })));
    page.ws.close();
  });
});

describe('clipboard work', () => {
  it('goes to the page that asked for it, never to another connected page', async () => {
    const asking = await openPage();
    const other = await openPage();
    asking.ws.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'values.copy', input: { id: 'TKN-1234-5678', connectionId: 'c1' } }));
    await waitFor(() => asking.messages.some((m) => m.type === 'result'));
    expect(asking.messages).toContainEqual({ type: 'clipboard', op: 'write', text: VALUE });
    // Give a broadcast every chance to arrive before asserting it did not.
    await new Promise((r) => setTimeout(r, 100));
    expect(other.messages).toEqual([]);
    asking.ws.close();
    other.ws.close();
  });

  it('a clear the page could not do is told to that page (and a late success too); nothing else is', async () => {
    const asking = await openPage();
    const other = await openPage();
    const report = (outcome: string, late: boolean) => asking.ws.send(JSON.stringify({ type: 'clipboardReport', seq: 1, outcome, late }));
    const notices = () => asking.messages.filter((m) => m.type === 'event').map((m) => (m as { payload: { level: string; message: string } }).payload);
    report('failed', false);
    await waitFor(() => notices().length === 1);
    expect(notices()[0]).toEqual({ level: 'warning', message: expect.stringMatching(/^The copied value is still on the clipboard: a browser lets this page clear it only while its tab is in front\./) });
    report('unchanged', false);
    report('cleared', false);
    report('cleared', true);
    await waitFor(() => notices().length === 2);
    expect(notices()[1]).toEqual({ level: 'info', message: 'The copied value has been cleared from the clipboard.' });
    await new Promise((r) => setTimeout(r, 100));
    expect(notices()).toHaveLength(2);
    expect(other.messages).toEqual([]);
    asking.ws.close();
    other.ws.close();
  });
});
