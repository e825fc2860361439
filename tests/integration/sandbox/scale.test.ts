import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT, createBody, startFixture, TOKENS, type Fixture } from './helpers';

type Token = { id: string; lastAccessAt: string | null; name: string };

describe('scale: ~100,000 tokens', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture({ tokensPerAccount: 33_333 });
  }, 120_000);
  afterAll(async () => {
    await f.sb.close();
  });

  // Timings are printed by `npm run bench` (tests/bench/sandbox.bench.ts); this checks the answers.
  it('serves list pages for ops (all 100k) and a client (its ~33k)', { timeout: 120_000 }, async () => {
    for (const query of ['limit=100', 'limit=100&offset=30000', "ilike(name,'*sync*')&eq(status,Active)&limit=20", 'order=-lastAccessAt&limit=50', 'order=name&select=audit&limit=100']) {
      const ops = await f.ops('GET', `${TOKENS}?${query}`);
      const client = await f.client('GET', `${TOKENS}?${query}`);
      expect(ops.status, query).toBe(200);
      expect(client.status, query).toBe(200);
      expect(ops.body.data.length, query).toBeGreaterThan(0);
    }
    const total = (await f.ops('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total;
    expect(total).toBe(3 * 33_334);
  });

  it('order=-lastAccessAt stays correct while every call moves the caller to the top', { timeout: 60_000 }, async () => {
    const a = await f.client('POST', TOKENS, { json: createBody('Caller A') });
    const b = await f.client('POST', TOKENS, { json: createBody('Caller B') });
    await f.client('GET', `${TOKENS}?order=-lastAccessAt&limit=1`); // build the cached order
    for (const caller of [a.body.token, b.body.token, a.body.token]) {
      await f.client('GET', `${AUDIT}?limit=0`, { token: caller });
      const page = await f.client('GET', `${TOKENS}?order=-lastAccessAt&limit=5`);
      const stamps = (page.body.data as Token[]).map((t) => t.lastAccessAt ?? '');
      expect(stamps).toEqual([...stamps].sort().reverse());
      // the admin making this very call is always the most recent access
      expect(page.body.data[0].id).toBe(f.clientAccount.adminTokenId);
    }
    const page = await f.client('GET', `${TOKENS}?order=-lastAccessAt&limit=3`);
    expect((page.body.data as Token[]).map((t) => t.name)).toEqual(['Token Desk admin', 'Caller A', 'Caller B']);
  });

  it('audit lookups by object.id use the index but keep the full filter semantics', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Indexed') });
    const id = created.body.id as string;
    await f.client('POST', `${TOKENS}/${id}/disable`);
    const both = await f.client('GET', `${AUDIT}?eq(object.id,'${id}')&order=-timestamp`);
    expect(both.body.data.map((r: { event: string }) => r.event)).toEqual(['platform.accounts.apiToken.disabled', 'platform.accounts.apiToken.created']);
    const narrowed = await f.client('GET', `${AUDIT}?and(eq(object.id,'${id}'),eq(event,'platform.accounts.apiToken.created'))`);
    expect(narrowed.body.data).toHaveLength(1);
    const widened = await f.client('GET', `${AUDIT}?or(eq(object.id,'${id}'),eq(object.id,'${f.clientAccount.adminTokenId}'))&limit=0`);
    expect(widened.body.$meta.pagination.total).toBeGreaterThan(2);
    const foreign = await f.vendor('GET', `${AUDIT}?eq(object.id,'${id}')`);
    expect(foreign.body.$meta.pagination.total).toBe(0);
  });
});
