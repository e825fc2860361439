/**
 * Adaptive concurrency (AIMD) of the pager: the window halves on a 429 (once per round trip),
 * waits out Retry-After, and grows back one page per window of successes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AimdWindow } from '../../../main/core/api/aimd';
import { HttpClient } from '../../../main/core/api/http';
import { fetchAll, listFetcher } from '../../../main/core/api/pagination';
import { z } from 'zod';
import { json, startTestServer, type TestServer } from './test-server';

describe('AimdWindow', () => {
  it('halves on a 429, not again for requests sent under the old window, and grows back to the max', async () => {
    const w = new AimdWindow({ max: 8 });
    const tickets = await Promise.all(Array.from({ length: 8 }, () => w.acquire()));
    expect(w.size).toBe(8);
    w.rateLimited(tickets[0]!);
    expect(w.size).toBe(4);
    // The other seven were in flight before the cut: the same congestion, no second cut.
    for (const t of tickets.slice(1)) w.rateLimited(t);
    expect(w.size).toBe(4);
    for (let i = 0; i < 8; i++) w.release(true);
    // A request sent after the cut that meets a 429 cuts again.
    const later = await w.acquire();
    w.rateLimited(later);
    expect(w.size).toBe(2);
    w.release(true);
    for (let i = 0; i < 200 && w.size < 8; i++) {
      await w.acquire();
      w.release(true);
    }
    expect(w.size).toBe(8);
    // 8 → 4, eight successes grow it by 1/window each (to 5.8…), the second cut to 2, then back up.
    expect(w.history).toEqual([8, 4, 5, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('holds every new request back until Retry-After has passed', async () => {
    let now = 0;
    const slept: number[] = [];
    const w = new AimdWindow({ max: 4, now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; } });
    const t = await w.acquire();
    w.rateLimited(t, 1500);
    await w.acquire();
    expect(slept).toEqual([1500]);
    expect(now).toBe(1500);
  });

  it('never goes below the minimum', async () => {
    const w = new AimdWindow({ max: 2 });
    for (let i = 0; i < 5; i++) {
      const t = await w.acquire();
      w.rateLimited(t);
      w.release(false);
    }
    expect(w.size).toBe(1);
  });
});

describe('fetchAll against a server that rate-limits (real HTTP)', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('backs off on the 429 burst, honours Retry-After, grows back, and still returns every item in order', async () => {
    const TOTAL = 3000; // 30 pages
    let inFlight = 0;
    const inFlightAtRequest: number[] = [];
    let limited = 0;
    let tooEarly = 0;
    const retryAt: number[] = [];
    let blockedUntil = 0;
    server = await startTestServer(async (req, res) => {
      const url = new URL(req.url, 'http://x');
      const offset = Number(url.searchParams.get('offset'));
      const arrived = Date.now();
      inFlight++;
      inFlightAtRequest.push(inFlight);
      await new Promise((r) => setTimeout(r, 15));
      inFlight--;
      // The server's sequence: pages 5–8 answer 429 once each with Retry-After: 1 (a burst).
      const page = offset / 100;
      if (page >= 5 && page <= 8 && !retryAt[page]) {
        retryAt[page] = Date.now();
        blockedUntil = Math.max(blockedUntil, Date.now() + 1000);
        limited++;
        res.setHeader('Retry-After', '1');
        return json(res, 429, { status: 429, title: 'Too Many Requests' });
      }
      // Anything SENT during the Retry-After pause (arrived well after the first 429 went out) is
      // refused: the pager must not send it. Requests already on their way then (300 ms of slack for a
      // loaded machine) are fine.
      if (arrived > blockedUntil - 1000 + 300 && arrived < blockedUntil - 50) {
        tooEarly++;
        return json(res, 429, { status: 429, title: 'Too early' });
      }
      const items = Array.from({ length: Math.min(100, TOTAL - offset) }, (_, i) => offset + i);
      return json(res, 200, { $meta: { pagination: { offset, limit: 100, total: TOTAL } }, data: items });
    });
    const http = new HttpClient({ baseUrl: server.url, token: 'idt:TKN-0000-0000:x', appVersion: 't', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    const window = new AimdWindow({ max: 6 });
    const items = await fetchAll(listFetcher(http, '/list', {}, z.number()), { concurrency: 6, window });
    expect(items).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    expect(limited).toBe(4);
    // Backed off (the window went down), then grew back up.
    const lowest = Math.min(...window.history);
    expect(lowest).toBeLessThanOrEqual(3);
    expect(window.history.indexOf(lowest)).toBeLessThan(window.history.length - 1);
    expect(window.history.at(-1)!).toBeGreaterThan(lowest);
    // Nobody was sent into the Retry-After pause (only the 4 scripted 429s happened).
    expect(tooEarly).toBe(0);
    expect(server.requests).toHaveLength(30 + 4);
    expect(Math.max(...inFlightAtRequest)).toBeLessThanOrEqual(6);
  }, 20_000);
});
