/**
 * Paging over the Marketplace list envelope
 * `{ "$meta": { "pagination": { offset, limit, total } }, "data": [...] }` (marketplace-api.md §7).
 */
import type { z } from 'zod';
import type { ListPage } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { AimdWindow } from './aimd';
import type { CallOptions, HttpClient } from './http';
import { listDeadlineError, listTooLongError, NETWORK_LIMITS, type NetworkLimits } from './limits';
import { buildQuery, type QueryParts } from './rql';

/** The platform caps `limit` at 100. */
export const MAX_PAGE_SIZE = 100;

/** What a page fetch tells the pager besides its page. */
export interface PageHooks {
  /** The server answered 429 (the HTTP client retries it); `retryAfterMs` from its Retry-After. */
  onRateLimited?: (retryAfterMs?: number) => void;
}

/**
 * What checks one list item: a zod schema, or a compiled validator with the same answer shape
 * (token-check.ts: the token list's items, on the sync's hot path).
 */
export interface ItemReader<T> {
  safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** Fetch one page at (offset, limit). */
export type PageFetcher<T> = (offset: number, limit: number, signal?: AbortSignal, hooks?: PageHooks) => Promise<ListPage<T>>;

/** Parse a list envelope into a ListPage, validating every item with `itemSchema`. */
export function parseListEnvelope<T>(body: unknown, itemSchema: ItemReader<T>, requested: { offset: number; limit: number }): ListPage<T> {
  const env = body as { $meta?: { pagination?: { offset?: unknown; limit?: unknown; total?: unknown } }; data?: unknown } | undefined;
  if (!env || typeof env !== 'object' || !Array.isArray(env.data)) {
    throw new DeskError({ code: 'server', message: 'The Marketplace sent a list in an unexpected format.' });
  }
  const items = env.data.map((raw, i) => {
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.map(String).join('.') || '(item)'}: ${issue.message}` : 'unknown';
      throw new DeskError({ code: 'server', message: `The Marketplace sent a list item Token Desk cannot read (item ${i}, ${where}).` });
    }
    return parsed.data;
  });
  const p = env.$meta?.pagination;
  const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const offset = int(p?.offset) ?? requested.offset;
  const limit = int(p?.limit) ?? requested.limit;
  // total is nullable in the spec; when absent we only know what we have seen so far.
  // (-1 marks "unknown" internally; see fetchAll.)
  const total = int(p?.total) ?? -1;
  return { items, offset, limit, total };
}

/** The Python client's rule: has_next = (offset // limit) + 1 < ceil(total / limit). */
export function hasNextPage(page: Pick<ListPage<unknown>, 'offset' | 'limit' | 'total'>): boolean {
  if (page.limit <= 0) return false;
  return Math.floor(page.offset / page.limit) + 1 < Math.ceil(page.total / page.limit);
}

export interface IterateOptions extends CallOptions {
  pageSize?: number;
  /** Where to start. Default 0. */
  offset?: number;
}

/**
 * Pages one after another, the way the official Python client iterates.
 * With an unknown total it continues while pages come back full.
 */
export async function* iteratePages<T>(fetchPage: PageFetcher<T>, opts: IterateOptions = {}): AsyncGenerator<ListPage<T>> {
  const pageSize = clampPageSize(opts.pageSize);
  let offset = opts.offset ?? 0;
  for (;;) {
    opts.signal?.throwIfAborted();
    const page = await fetchPage(offset, pageSize, opts.signal);
    yield normaliseTotal(page);
    const more = page.total >= 0 ? hasNextPage(page) : page.items.length >= page.limit && page.items.length > 0;
    if (!more || page.limit <= 0) return;
    offset = page.offset + page.limit;
  }
}

export interface FetchAllOptions<T = unknown> extends CallOptions {
  /** Default 100 (the platform maximum). */
  pageSize?: number;
  /**
   * The most pages in flight at once after the first. Default 6. The pager halves it on a 429
   * (and waits out Retry-After) and grows it back one page per window of successes (aimd.ts).
   */
  concurrency?: number;
  /** Test/bench seam: the adaptive window to use (its `history` shows the backing off). */
  window?: AimdWindow;
  onProgress?: (loaded: number, total: number) => void;
  /** Items, pages and time for the whole list; defaults NETWORK_LIMITS (limits.ts). */
  limits?: Partial<NetworkLimits>;
  /**
   * Each page's items, in list order, as soon as the pages before it are in (the call then
   * resolves to []): a caller that turns the list into another form does it while the network
   * is waited for, and the whole list is never held as objects.
   */
  into?: (items: T[]) => void;
}

/**
 * Every item of a list. The first page reveals `total`; the remaining pages are fetched with
 * adaptive, bounded concurrency (AIMD, aimd.ts) and concatenated IN ORDER. One failing page aborts the others and
 * fails the whole call (a partial list would look complete in the UI).
 *
 * Nothing the server says is taken on trust (limits.ts): a `total` or a page count past the
 * limits fails before another request, a list that keeps growing fails when it passes them, and
 * the whole read has a deadline.
 */
export async function fetchAll<T>(fetchPage: PageFetcher<T>, opts: FetchAllOptions<T> = {}): Promise<T[]> {
  const limits = { ...NETWORK_LIMITS, ...opts.limits };
  const deadline = AbortSignal.timeout(limits.listDeadlineMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  try {
    return await fetchAllWithin(fetchPage, { ...opts, signal }, limits);
  } catch (error) {
    if (deadline.aborted && !opts.signal?.aborted) throw listDeadlineError(limits.listDeadlineMs);
    throw error;
  }
}

async function fetchAllWithin<T>(fetchPage: PageFetcher<T>, opts: FetchAllOptions<T>, limits: NetworkLimits): Promise<T[]> {
  const pageSize = clampPageSize(opts.pageSize);
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 6));
  const first = await fetchPage(0, pageSize, opts.signal);
  const tooMany = (count: number) => {
    if (count > limits.maxListItems) throw listTooLongError(`it sent more than ${limits.maxListItems.toLocaleString('en-US')} items`, limits.maxListItems);
  };
  tooMany(first.items.length);
  const collected: T[] = [];
  const take = opts.into ?? ((items: T[]) => void collected.push(...items));

  if (first.total < 0) {
    // No total from the server: we cannot plan pages, so walk them in sequence while they come
    // back full, up to the limits (a server that always fills its pages would never end).
    let count = first.items.length;
    take(first.items);
    opts.onProgress?.(count, count);
    if (first.items.length === 0 || first.items.length < first.limit) return collected;
    let pages = 1;
    for await (const page of iteratePages(fetchPage, { ...opts, pageSize, offset: first.offset + first.limit })) {
      pages++;
      if (pages > limits.maxListPages) throw listTooLongError(`it kept sending full pages past ${limits.maxListPages.toLocaleString('en-US')} pages`, limits.maxListPages);
      count += page.items.length;
      tooMany(count);
      take(page.items);
      opts.onProgress?.(count, page.total);
    }
    return collected;
  }

  if (first.total > limits.maxListItems) throw listTooLongError(`it reports ${first.total.toLocaleString('en-US')} items`, limits.maxListItems);
  // The server may cap limit below what we asked: plan with the limit it actually used (never
  // above what was asked, which would skip items).
  const step = first.limit > 0 && first.limit <= pageSize ? first.limit : pageSize;
  const pageCount = Math.ceil(first.total / step);
  if (pageCount > limits.maxListPages) {
    throw listTooLongError(`${first.total.toLocaleString('en-US')} items at ${step} per page would take ${pageCount.toLocaleString('en-US')} pages`, limits.maxListPages);
  }
  const offsets: number[] = [];
  for (let o = step; o < first.total; o += step) offsets.push(o);
  // Pages that came in before one ahead of them wait here; each is handed on (and let go) in order.
  const pages: Array<T[] | undefined> = new Array<T[] | undefined>(offsets.length);
  let handedOn = 0;
  const handOn = () => {
    while (handedOn < pages.length && pages[handedOn] !== undefined) {
      const items = pages[handedOn]!;
      pages[handedOn++] = undefined;
      take(items);
    }
  };
  let loaded = first.items.length;
  take(first.items);
  opts.onProgress?.(loaded, first.total);
  if (offsets.length === 0) return collected;

  const inner = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, inner.signal]) : inner.signal;
  const window = opts.window ?? new AimdWindow({ max: concurrency });
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < offsets.length) {
      const ticket = await window.acquire();
      if (failure || next >= offsets.length) {
        window.release(false);
        return;
      }
      const index = next++;
      try {
        const page = await fetchPage(offsets[index]!, step, signal, { onRateLimited: (ms) => window.rateLimited(ticket, ms) });
        window.release(true);
        loaded += page.items.length;
        tooMany(loaded);
        pages[index] = page.items;
        handOn();
        opts.onProgress?.(loaded, first.total);
      } catch (error) {
        window.release(false);
        if (!failure) {
          failure = { error };
          inner.abort(error);
        }
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker));
  if (failure) {
    // A caller cancel wins over the errors it caused in other workers.
    if (opts.signal?.aborted) throw opts.signal.reason;
    throw failure.error;
  }
  return collected;
}

function clampPageSize(size: number | undefined): number {
  const n = Math.floor(size ?? MAX_PAGE_SIZE);
  if (!Number.isFinite(n) || n < 1) return MAX_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

function normaliseTotal<T>(page: ListPage<T>): ListPage<T> {
  return page.total >= 0 ? page : { ...page, total: page.offset + page.items.length };
}

/**
 * A PageFetcher for `GET path?<params>&<filter>`. `query.limit`/`offset` are overridden per page.
 */
export function listFetcher<T>(http: HttpClient, path: string, query: Omit<QueryParts, 'limit' | 'offset'>, itemSchema: ItemReader<T>): PageFetcher<T> {
  return async (offset, limit, signal, hooks) => {
    const onRetry = (failure: DeskError, waitMs?: number) => {
      if (failure.code === 'rate_limited') hooks?.onRateLimited?.(waitMs);
    };
    const res = await http.request({ method: 'GET', path, query: buildQuery({ ...query, limit, offset }), onRetry, ...(signal ? { signal } : {}) });
    return parseListEnvelope(res.body, itemSchema, { offset, limit });
  };
}

/** One page, with an unknown total replaced by what was seen. */
export async function fetchPageOnce<T>(fetchPage: PageFetcher<T>, offset: number, limit: number, signal?: AbortSignal): Promise<ListPage<T>> {
  return normaliseTotal(await fetchPage(offset, limit, signal));
}

/** `fetchAll` for `GET path?<query>`: every item, validated with `itemSchema`, in order. */
export function fetchAllFrom<S extends z.ZodType>(
  http: HttpClient,
  path: string,
  query: Omit<QueryParts, 'limit' | 'offset'>,
  itemSchema: S,
  opts: FetchAllOptions<z.output<S>> = {},
): Promise<Array<z.output<S>>> {
  return fetchAll(listFetcher(http, path, query, itemSchema), opts);
}
