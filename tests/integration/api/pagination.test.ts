/**
 * Paging against the sandbox: the edges 0, 1, exactly 100 and 101 items, the sequential
 * iterator against the concurrent fetchAll, and a list far larger than one page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAll, iteratePages, listFetcher, rql, startsWith } from '../../../main/core/api/index';
import { HttpClient } from '../../../main/core/api/http';
import { AimdWindow } from '../../../main/core/api/aimd';
import { apiTokenSchema } from '../../../common/domain';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { ACCESS_MANAGEMENT, account, clientFor } from './helpers';

let sb: RunningSandbox;
const PREFIX = 'edge-';
const name = (i: number) => `${PREFIX}${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  sb = await startSandbox({ seed: 31, tokensPerAccount: 250 });
  const api = clientFor(sb, 'Client');
  // 101 tokens with a shared prefix, created through the API.
  for (let i = 0; i < 101; i++) await api.tokens.create({ name: name(i), moduleIds: [ACCESS_MANAGEMENT] });
}, 60_000);
afterAll(() => sb.close());

const edges = [
  { label: '0 items', count: 0, filter: () => rql.eq('name', 'no such token') },
  { label: '1 item', count: 1, filter: () => rql.eq('name', name(0)) },
  { label: 'exactly 100 items', count: 100, filter: () => rql.and(rql.ilike('name', startsWith(PREFIX)), rql.ne('name', name(100))) },
  { label: '101 items', count: 101, filter: () => rql.ilike('name', startsWith(PREFIX)) },
];

describe.each(edges)('$label', ({ count, filter }) => {
  it('fetchAll returns every item once, in order, with the right number of requests', async () => {
    const api = clientFor(sb, 'Client');
    const before = sb.stats().requests;
    const progress: Array<[number, number]> = [];
    const all = await api.tokens.listAll({ filter: filter(), order: ['name'] }, { onProgress: (l, t) => progress.push([l, t]) });
    expect(all).toHaveLength(count);
    expect(all.map((t) => t.name)).toEqual(Array.from({ length: count }, (_, i) => name(i)));
    expect(sb.stats().requests - before).toBe(Math.max(1, Math.ceil(count / 100)));
    expect(progress.at(-1)).toEqual([count, count]);
  });

  it('the sequential iterator sees the same pages, with has_next per the Python rule', async () => {
    const api = clientFor(sb, 'Client');
    const page0 = await api.tokens.list({ filter: filter(), order: ['name'], limit: 100, offset: 0 });
    expect(page0.total).toBe(count);
    const http = new HttpClient({ baseUrl: sb.url, token: account(sb, 'Client').adminToken, appVersion: 't' });
    const fetcher = listFetcher(http, '/public/v1/accounts/api-tokens', { filter: filter(), order: ['name'] }, apiTokenSchema);
    const pages: number[] = [];
    const names: string[] = [];
    for await (const p of iteratePages(fetcher, { pageSize: 100 })) {
      pages.push(p.items.length);
      names.push(...p.items.map((t) => t.name));
    }
    expect(pages).toEqual(count === 0 ? [0] : count === 101 ? [100, 1] : [count]);
    expect(names).toEqual(Array.from({ length: count }, (_, i) => name(i)));
  });
});

it('limit=0 returns the count only', async () => {
  const page = await clientFor(sb, 'Client').tokens.list({ filter: rql.ilike('name', startsWith(PREFIX)), limit: 0 });
  expect(page.items).toEqual([]);
  expect(page.total).toBe(101);
});

it('a page size above 100 is capped, and a large list comes back complete and in order', async () => {
  const api = clientFor(sb, 'Client');
  const all = await api.tokens.listAll({ order: ['id'] }, { pageSize: 500, concurrency: 4 });
  const first = await api.tokens.list({ limit: 1 });
  expect(all).toHaveLength(first.total);
  // 250 sample tokens (a few of them Deleted, so hidden from a client) + the admin token + 101 created above
  expect(all.length).toBeGreaterThan(300);
  expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
  const ids = all.map((t) => t.id);
  expect(ids).toEqual([...ids].sort());
});

it('small pages with concurrency give the same list as one sequential walk', async () => {
  const http = new HttpClient({ baseUrl: sb.url, token: account(sb, 'Client').adminToken, appVersion: 't' });
  const fetcher = listFetcher(http, '/public/v1/accounts/api-tokens', { order: ['-audit.created.at', 'id'], select: ['audit'] }, apiTokenSchema);
  const concurrent = await fetchAll(fetcher, { pageSize: 7, concurrency: 5 });
  const sequential: string[] = [];
  for await (const p of iteratePages(fetcher, { pageSize: 13 })) sequential.push(...p.items.map((t) => t.id));
  expect(concurrent.map((t) => t.id)).toEqual(sequential);
});

it('the sandbox answering 429 with Retry-After (its rate-limit fault): the pager backs off, grows back, and the list is complete and in order', async () => {
  const http = new HttpClient({ baseUrl: sb.url, token: account(sb, 'Client').adminToken, appVersion: 't', retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 50 } });
  const fetcher = listFetcher(http, '/public/v1/accounts/api-tokens', { order: ['id'] }, apiTokenSchema);
  const expected = (await fetchAll(fetcher, { pageSize: 25 })).map((t) => t.id);
  const before = sb.stats().faults['rate-limit'];
  sb.setFaults({ rateLimitRate: 0.15, retryAfterSeconds: 1, seed: 5 });
  try {
    const window = new AimdWindow({ max: 6 });
    const got = await fetchAll(fetcher, { pageSize: 25, concurrency: 6, window });
    expect(got.map((t) => t.id)).toEqual(expected);
    expect(sb.stats().faults['rate-limit'] - before).toBeGreaterThan(0);
    // It backed off (the window shrank) and grew again after.
    const lowest = Math.min(...window.history);
    expect(lowest).toBeLessThan(6);
    expect(window.history.slice(window.history.indexOf(lowest)).some((n) => n > lowest)).toBe(true);
  } finally {
    sb.setFaults({});
  }
}, 60_000);
