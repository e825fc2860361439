import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { backoffDelay, HttpClient, isRetryableMethod, normaliseBaseUrl, parseRetryAfter, type HttpClientOptions } from '../../../main/core/api/http';
import { createMarketplaceClient } from '../../../main/core/api/index';
import { drop, json, problem, sampleToken, startTestServer, TOKEN, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const client = (over: Partial<HttpClientOptions> = {}) =>
  new HttpClient({ baseUrl: server.url, token: TOKEN, appVersion: '1.2.3', platform: 'linux', retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...over });

async function rejection(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('base URL policy', () => {
  it('accepts https anywhere and http only on loopback', () => {
    expect(normaliseBaseUrl('https://api.platform.softwareone.com/')).toBe('https://api.platform.softwareone.com');
    for (const u of ['http://127.0.0.1:8080', 'http://127.9.8.7', 'http://localhost:3000/', 'http://[::1]:9000']) expect(() => normaliseBaseUrl(u)).not.toThrow();
    for (const u of ['http://api.platform.softwareone.com', 'http://10.0.0.1', 'http://localhost.evil.com', 'http://128.0.0.1', 'ftp://x', 'not a url', 'https://u:p@h', 'https://h/?q=1']) {
      const e = (() => {
        try {
          normaliseBaseUrl(u);
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e, u).toBeInstanceOf(DeskError);
      expect((e as DeskError).code).toBe('validation');
    }
    expect(() => normaliseBaseUrl('http://example.com')).toThrow(/plain http is only allowed to this computer/);
  });

  it('refuses a token with whitespace or control characters before any request', () => {
    expect(() => client({ token: 'idt:TKN-1:a\nb' })).toThrow(DeskError);
    expect(() => client({ token: '   ' })).toThrow(/empty/);
  });
});

describe('request headers', () => {
  it('sends bearer auth, Accept, User-Agent and JSON content type', async () => {
    server.handle((_r, res) => json(res, 200, { ok: true }));
    await client().request({ method: 'PUT', path: '/x', body: { a: 1 } });
    const h = server.requests[0]!.headers;
    expect(h.authorization).toBe(`Bearer ${TOKEN}`);
    expect(h.accept).toBe('application/json');
    expect(h['user-agent']).toBe('TokenDesk/1.2.3 (linux)');
    expect(h['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ a: 1 });
  });

  it('sends no body and no content type for enable/disable', async () => {
    server.handle((_r, res) => json(res, 200, sampleToken()));
    const api = createMarketplaceClient({ baseUrl: server.url, token: TOKEN, appVersion: '1' });
    await api.tokens.disable('TKN-1234-5678');
    expect(server.requests[0]!.method).toBe('POST');
    expect(server.requests[0]!.url).toBe('/public/v1/accounts/api-tokens/TKN-1234-5678/disable');
    expect(server.requests[0]!.body.length).toBe(0);
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
  });
});

describe('retry policy', () => {
  const failThenOk = (status: number, failures: number, headers: Record<string, string> = {}) =>
    server.handle((_r, res, i) => (i < failures ? problem(res, status, {}, headers) : json(res, 200, { ok: i })));

  it.each([429, 502, 503, 504])('GET retries %i and then succeeds', async (status) => {
    failThenOk(status, 2);
    const res = await client().request({ method: 'GET', path: '/r' });
    expect(res.body).toEqual({ ok: 2 });
    expect(server.requests).toHaveLength(3);
  });

  it.each(['PUT', 'DELETE'] as const)('%s retries 503', async (method) => {
    failThenOk(503, 1);
    await client().request({ method, path: '/r' });
    expect(server.requests).toHaveLength(2);
  });

  it('idempotent POST (enable/disable) retries; a create POST never does', async () => {
    failThenOk(503, 1);
    await client().request({ method: 'POST', path: '/r/enable', idempotent: true });
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    failThenOk(503, 1);
    const e = await rejection(client().request({ method: 'POST', path: '/r', body: { name: 'x' } }));
    expect(e.code).toBe('server');
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    failThenOk(429, 1);
    expect((await rejection(client().request({ method: 'POST', path: '/r', body: {} }))).code).toBe('rate_limited');
    expect(server.requests).toHaveLength(1);
  });

  it('a create whose answer is lost is not repeated and reports offline', async () => {
    server.handle((_r, res) => drop(res));
    const api = createMarketplaceClient({ baseUrl: server.url, token: TOKEN, appVersion: '1', retry: { baseDelayMs: 1 } });
    const e = await rejection(api.tokens.create({ name: 'n', moduleIds: ['MOD-1756'] }));
    expect(e.code).toBe('offline');
    expect(e.message).toMatch(/could not be reached/);
    expect(server.requests).toHaveLength(1);
  });

  it('GET retries dropped connections up to maxAttempts, then reports offline', async () => {
    server.handle((_r, res) => drop(res));
    const e = await rejection(client({ retry: { maxAttempts: 3, baseDelayMs: 1 } }).request({ method: 'GET', path: '/r' }));
    expect(e.code).toBe('offline');
    expect(server.requests).toHaveLength(3);
  });

  it('GET retries a 500; PUT and DELETE do not (a write answered 500 may have happened)', async () => {
    failThenOk(500, 1);
    await client().request({ method: 'GET', path: '/r' });
    expect(server.requests).toHaveLength(2);
    for (const method of ['PUT', 'DELETE'] as const) {
      server.requests.length = 0;
      failThenOk(500, 1);
      expect((await rejection(client().request({ method, path: '/r' }))).code).toBe('server');
      expect(server.requests).toHaveLength(1);
    }
  });

  it.each([400, 401, 403, 404, 409])('does not retry %i', async (status) => {
    failThenOk(status, 1);
    const e = await rejection(client().request({ method: 'GET', path: '/r' }));
    expect(e.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After seconds as a minimum wait', async () => {
    failThenOk(429, 1, { 'retry-after': '1' });
    const waits: number[] = [];
    const http = client({ sleep: async (ms) => void waits.push(ms) });
    await http.request({ method: 'GET', path: '/r' });
    expect(waits).toEqual([1000]);
  });

  it('honours Retry-After for real (wall clock)', async () => {
    failThenOk(429, 1, { 'retry-after': '1' });
    const t0 = Date.now();
    await client().request({ method: 'GET', path: '/r' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After exceeds the allowed wait', async () => {
    failThenOk(429, 5, { 'retry-after': '3600' });
    const e = await rejection(client().request({ method: 'GET', path: '/r' }));
    expect(e.code).toBe('rate_limited');
    expect(e.message).toMatch(/3600 seconds/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries malformed JSON in a 2xx for GET only', async () => {
    server.handle((_r, res, i) => {
      if (i === 0) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": [');
      } else json(res, 200, { fine: true });
    });
    expect((await client().request({ method: 'GET', path: '/r' })).body).toEqual({ fine: true });
    expect(server.requests).toHaveLength(2);

    server.requests.length = 0;
    server.handle((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<<garbage');
    });
    const e = await rejection(client().request({ method: 'PUT', path: '/r', body: {} }));
    expect(e.code).toBe('server');
    expect(server.requests).toHaveLength(1);
  });

  it('uses exponential backoff with full jitter', () => {
    expect(backoffDelay(0, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(backoffDelay(10, 100, 1_000, () => 0.999)).toBe(999);
    expect(backoffDelay(2, 100, 10_000, () => 0)).toBe(0);
    expect(isRetryableMethod('POST')).toBe(false);
    expect(isRetryableMethod('GET')).toBe(true);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('timeouts, cancellation, offline', () => {
  it('times out a slow answer with a timeout error', async () => {
    server.handle((_r, res) => void setTimeout(() => json(res, 200, {}), 2000));
    const e = await rejection(client({ timeoutMs: 100 }).request({ method: 'GET', path: '/slow' }));
    expect(e.code).toBe('timeout');
  });

  it('a caller abort rejects with an AbortError and stops retrying', async () => {
    server.handle((_r, res) => void setTimeout(() => json(res, 200, {}), 2000));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await expect(client().request({ method: 'GET', path: '/slow', signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an abort during backoff stops at once', async () => {
    server.handle((_r, res) => problem(res, 503));
    const ac = new AbortController();
    const p = client({ retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 }, random: () => 1 }).request({ method: 'GET', path: '/r', signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('an unreachable host is offline, and the message never contains the token', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const e = await rejection(client({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxAttempts: 2, baseDelayMs: 1 } }).request({ method: 'GET', path: '/r' }));
    expect(e.code).toBe('offline');
    expect(JSON.stringify(e.toData())).not.toContain(TOKEN);
  });

  it('follows redirects', async () => {
    server.handle((r, res) => {
      if (r.url === '/old') {
        res.writeHead(302, { location: '/new' });
        res.end();
      } else json(res, 200, { at: r.url });
    });
    expect((await client().request({ method: 'GET', path: '/old' })).body).toEqual({ at: '/new' });
  });

  it('a redirect to another origin does not carry the bearer token', async () => {
    const other = await startTestServer((r, res) => json(res, 200, { auth: r.headers.authorization ?? null }));
    try {
      server.handle((_r, res) => {
        res.writeHead(302, { location: other.url.replace('127.0.0.1', 'localhost') + '/elsewhere' });
        res.end();
      });
      expect((await client().request({ method: 'GET', path: '/old' })).body).toEqual({ auth: null });
    } finally {
      await other.close();
    }
  });

  it('maps an error body with field errors and trace id', async () => {
    server.handle((_r, res) => problem(res, 400, { detail: 'One or more validation errors occurred.', traceId: '00-1-2-00', errors: { name: ['Required'] } }));
    const e = await rejection(client().request({ method: 'POST', path: '/r', body: {} }));
    expect(e.toData()).toEqual({ code: 'validation', status: 400, message: 'One or more validation errors occurred.', fields: { name: ['Required'] }, traceId: '00-1-2-00' });
  });
});
