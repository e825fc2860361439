/** The limits on what a server sends (main/core/api/limits.ts), with scripted pages and bodies. */
import { describe, expect, it } from 'vitest';
import type { ListPage } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { readBodyWithin } from '../../../main/core/api/limits';
import { fetchAll, type PageFetcher } from '../../../main/core/api/pagination';

const rows = (offset: number, n: number) => Array.from({ length: n }, (_, i) => offset + i);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeskError);

describe('fetchAll within the limits', () => {
  it('an absurd total is refused after the first page, with no plan built', async () => {
    let calls = 0;
    const fetchPage: PageFetcher<number> = async (offset) => (calls++, { items: [offset], offset, limit: 1, total: 9e15 });
    const error = await failure(fetchAll(fetchPage));
    expect(error).toMatchObject({ code: 'server' });
    expect(error!.message).toContain('it reports 9,000,000,000,000,000 items');
    expect(calls).toBe(1);
  });

  it('a tiny page size over a large total is refused by the page limit before the second request', async () => {
    let calls = 0;
    const fetchPage: PageFetcher<number> = async (offset) => (calls++, { items: [offset], offset, limit: 1, total: 500 });
    const error = await failure(fetchAll(fetchPage, { limits: { maxListPages: 100 } }));
    expect(error!.message).toContain('500 items at 1 per page would take 500 pages');
    expect(calls).toBe(1);
  });

  it('a limit above the one asked for is not trusted (no item is skipped)', async () => {
    const all = rows(0, 250);
    const fetchPage: PageFetcher<number> = async (offset, limit) => ({ items: all.slice(offset, offset + limit), offset, limit: 1_000_000, total: all.length });
    expect(await fetchAll(fetchPage, { pageSize: 100 })).toEqual(all);
  });

  it('no total and pages that are always full: ends at the page limit', async () => {
    let calls = 0;
    const fetchPage: PageFetcher<number> = async (offset, limit) => (calls++, { items: rows(offset, limit), offset, limit, total: -1 });
    const error = await failure(fetchAll(fetchPage, { limits: { maxListPages: 20 } }));
    expect(error!.message).toContain('it kept sending full pages past 20 pages');
    expect(calls).toBe(21);
  });

  it('pages fuller than their limit: ends at the item limit', async () => {
    const fetchPage: PageFetcher<number> = async (offset) => ({ items: rows(offset, 400), offset, limit: 100, total: 300 });
    const error = await failure(fetchAll(fetchPage, { limits: { maxListItems: 1000 } }));
    expect(error!.message).toContain('it sent more than 1,000 items');
  });

  it('the whole list has a deadline; a cancel by the caller stays a cancel', async () => {
    const slow: PageFetcher<number> = (offset, limit, signal) =>
      new Promise<ListPage<number>>((resolve, reject) => {
        const timer = setTimeout(() => resolve({ items: rows(offset, limit), offset, limit, total: 1000 }), 40);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      });
    const error = await failure(fetchAll(slow, { concurrency: 1, limits: { listDeadlineMs: 150 } }));
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringContaining('did not send the whole list within 1 second') });
    const caller = new AbortController();
    const cancelled = fetchAll(slow, { concurrency: 1, signal: caller.signal }).then(() => undefined, (e: unknown) => e);
    setTimeout(() => caller.abort(new Error('user cancelled')), 60);
    expect(await cancelled).toEqual(new Error('user cancelled'));
  });
});

describe('readBodyWithin', () => {
  const stream = (chunks: number, size: number) => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= chunks) controller.close();
        else controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    });
  };

  it('reads a body within the limit', async () => {
    expect(await readBodyWithin(new Response('{"ok":true}'), 100)).toBe('{"ok":true}');
  });

  it('stops reading a streamed body past the limit and cancels the stream', async () => {
    let pulled = 0;
    const body = stream(1000, 1024);
    const counting = body.pipeThrough(new TransformStream({ transform: (chunk, c) => (pulled++, c.enqueue(chunk)) }));
    const error = await failure(readBodyWithin(new Response(counting), 10 * 1024));
    expect(error).toMatchObject({ code: 'server', message: expect.stringContaining('larger than 10 KB') });
    expect(pulled).toBeLessThan(20);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const res = new Response('x'.repeat(50), { headers: { 'content-length': '50' } });
    await expect(readBodyWithin(res, 10)).rejects.toMatchObject({ code: 'server' });
  });
});
