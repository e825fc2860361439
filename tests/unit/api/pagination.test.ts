import { describe, expect, it } from 'vitest';
import type { ListPage } from '../../../common/domain';
import { fetchAll, hasNextPage, iteratePages, type PageFetcher } from '../../../main/core/api/pagination';

/** An in-memory list of `total` numbers with random per-page delays, recording concurrency. */
function fakeList(total: number, opts: { cap?: number; reportTotal?: boolean; failAt?: number } = {}) {
  const calls: Array<{ offset: number; limit: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage: PageFetcher<number> = async (offset, limit, signal) => {
    calls.push({ offset, limit });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((r) => setTimeout(r, Math.random() * 10));
      signal?.throwIfAborted();
      if (opts.failAt !== undefined && offset === opts.failAt) throw new Error(`boom at ${offset}`);
      const lim = Math.min(limit, opts.cap ?? 100);
      const items = Array.from({ length: Math.max(0, Math.min(lim, total - offset)) }, (_, i) => offset + i);
      const page: ListPage<number> = { items, offset, limit: lim, total: opts.reportTotal === false ? -1 : total };
      return page;
    } finally {
      inFlight--;
    }
  };
  return { fetchPage, calls, maxInFlight: () => maxInFlight };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('hasNextPage (the Python client rule)', () => {
  it('matches (offset // limit) + 1 < ceil(total / limit)', () => {
    expect(hasNextPage({ offset: 0, limit: 100, total: 100 })).toBe(false);
    expect(hasNextPage({ offset: 0, limit: 100, total: 101 })).toBe(true);
    expect(hasNextPage({ offset: 100, limit: 100, total: 101 })).toBe(false);
    expect(hasNextPage({ offset: 0, limit: 10, total: 0 })).toBe(false);
    expect(hasNextPage({ offset: 0, limit: 0, total: 5 })).toBe(false);
  });
});

describe('fetchAll', () => {
  it.each([0, 1, 99, 100, 101, 250, 1000])('returns all %i items in order', async (n) => {
    const list = fakeList(n);
    const progress: Array<[number, number]> = [];
    const items = await fetchAll(list.fetchPage, { concurrency: 4, onProgress: (l, t) => progress.push([l, t]) });
    expect(items).toEqual(range(n));
    expect(list.calls.length).toBe(Math.max(1, Math.ceil(n / 100)));
    expect(progress.at(-1)).toEqual([n, n]);
  });

  it.each([
    [1000, true],
    [250, false],
  ])('with `into`: hands %i items on page by page, in list order, though pages finish out of order (total known: %s)', async (n, reportTotal) => {
    const list = fakeList(n, { reportTotal });
    const handed: number[][] = [];
    const result = await fetchAll(list.fetchPage, { concurrency: 4, into: (items) => handed.push(items) });
    expect(result).toEqual([]);
    expect(handed.flat()).toEqual(range(n));
    expect(handed.every((page) => page.length <= 100)).toBe(true);
  });

  it('with `into`: a page that fails stops the handing on (no page after the gap is handed)', async () => {
    const list = fakeList(1000, { failAt: 300 });
    const handed: number[] = [];
    await expect(fetchAll(list.fetchPage, { concurrency: 4, into: (items) => handed.push(...items) })).rejects.toThrow('boom at 300');
    expect(handed).toEqual(range(handed.length));
    expect(handed.length).toBeLessThanOrEqual(300);
  });

  it('keeps at most `concurrency` pages in flight', async () => {
    const list = fakeList(2000);
    await fetchAll(list.fetchPage, { concurrency: 3 });
    expect(list.maxInFlight()).toBeLessThanOrEqual(3);
    expect(list.maxInFlight()).toBeGreaterThan(1);
  });

  it('plans with the limit the server actually used', async () => {
    const list = fakeList(120, { cap: 50 });
    expect(await fetchAll(list.fetchPage, { pageSize: 100 })).toEqual(range(120));
    expect(list.calls.map((c) => c.offset)).toEqual([0, 50, 100]);
  });

  it('walks pages in sequence when the server gives no total', async () => {
    const list = fakeList(230, { reportTotal: false });
    expect(await fetchAll(list.fetchPage, { concurrency: 6 })).toEqual(range(230));
    expect(list.calls.map((c) => c.offset)).toEqual([0, 100, 200]);
  });

  it('fails as a whole when a page fails', async () => {
    const list = fakeList(1000, { failAt: 300 });
    await expect(fetchAll(list.fetchPage, { concurrency: 2 })).rejects.toThrow('boom at 300');
    // the other workers stopped instead of fetching everything
    expect(list.calls.length).toBeLessThan(10);
  });

  it('a caller abort rejects with the abort reason', async () => {
    const list = fakeList(5000);
    const ac = new AbortController();
    const p = fetchAll(list.fetchPage, { signal: ac.signal, concurrency: 2 });
    setTimeout(() => ac.abort(), 15);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('clamps the page size to 100', async () => {
    const list = fakeList(300);
    await fetchAll(list.fetchPage, { pageSize: 1000 });
    expect(list.calls.every((c) => c.limit === 100)).toBe(true);
  });
});

describe('iteratePages', () => {
  it('yields pages in sequence until the last one', async () => {
    const list = fakeList(201);
    const pages: number[][] = [];
    for await (const p of iteratePages(list.fetchPage, { pageSize: 100 })) pages.push(p.items);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 1]);
    expect(pages.flat()).toEqual(range(201));
  });

  it('yields one empty page for an empty list', async () => {
    const list = fakeList(0);
    const pages: ListPage<number>[] = [];
    for await (const p of iteratePages(list.fetchPage)) pages.push(p);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.total).toBe(0);
  });
});

describe('fetchAll scheduling', () => {
  // Wall-clock speed is measured by tests/bench/sync.bench.ts; this checks the schedule itself.
  it('after the first page keeps exactly `concurrency` requests in flight until the last round', async () => {
    const total = 10_001;
    let inFlight = 0;
    const inFlightAtStart: number[] = [];
    const fetchPage: PageFetcher<number> = async (offset, limit) => {
      inFlight += 1;
      inFlightAtStart.push(inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return { items: range(Math.min(limit, total - offset)).map((i) => offset + i), offset, limit, total };
    };
    const items = await fetchAll(fetchPage, { concurrency: 6 });
    expect(items).toEqual(range(total));
    expect(inFlightAtStart).toHaveLength(101);
    expect(inFlightAtStart[0]).toBe(1); // the first page alone reveals the total
    expect(Math.max(...inFlightAtStart)).toBe(6);
    // The first wave after page one starts all six workers together.
    expect(inFlightAtStart.slice(1, 7)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
