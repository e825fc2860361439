/**
 * Sandbox fidelity for the audit trail (issue 10): render() on the single-record GET, a token
 * reading itself whatever its modules, large seeded histories, and the timestamp-bounded
 * refresh query. Every body is validated against the OpenAPI schemas by the test client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox/index';
import { parseCliArgs } from '../../../main/sandbox/cli-args';
import { AUDIT, client, createBody, expectProblem, startFixture, TOKENS, type Fixture } from '../sandbox/helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sb.close();
});

describe('GET /audit/records/{id} with render()', () => {
  it('accepts render() with and without select= and returns rendered details', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Render me') });
    const list = await f.client('GET', `${AUDIT}?eq(object.id,'${created.body.id}')&order=-timestamp&render()`);
    expect(list.status).toBe(200);
    const id = list.body.data[0].id as string;
    for (const query of ['render()', '&render()', 'select=details&render()', 'render()&select=-viewers', 'select=-*,+id,+details&render()']) {
      const res = await f.client('GET', `${AUDIT}/${id}?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body.details, query).toContain(created.body.id);
      expect(res.body.details, query).toContain('Render me');
      expect(res.body.details, query).not.toMatch(/\{\{|\}\}/);
    }
    const trimmed = await f.client('GET', `${AUDIT}/${id}?select=-*,+id,+details&render()`);
    expect(Object.keys(trimmed.body).sort()).toEqual(['details', 'id']);
  });

  it('still refuses an unknown expression on the single GET', async () => {
    const list = await f.client('GET', `${AUDIT}?limit=1`);
    expectProblem(await f.client('GET', `${AUDIT}/${list.body.data[0].id}?select=+mistake&render()`), 400);
  });
});

describe('a token reads itself ("who am I", §9)', () => {
  it('an Active token without Access Management may GET itself, but nothing else on api-tokens', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Billing only (self)', ['MOD-1239']) });
    const own = created.body.token as string;
    const self = await f.client('GET', `${TOKENS}/${created.body.id}`, { token: own });
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ id: created.body.id, status: 'Active', account: { id: f.clientAccount.id } });
    expect(self.body).not.toHaveProperty('token');
    const withSelect = await f.client('GET', `${TOKENS}/${created.body.id}?select=-modules`, { token: own });
    expect(withSelect.status).toBe(200);
    expect(withSelect.body).not.toHaveProperty('modules');
    expectProblem(await f.client('GET', `${TOKENS}/${f.clientAccount.adminTokenId}`, { token: own }), 403);
    expectProblem(await f.client('GET', TOKENS, { token: own }), 403);
    expectProblem(await f.client('POST', `${TOKENS}/${created.body.id}/disable`, { token: own }), 403);
  });

  it('a Disabled token cannot read itself (401)', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Soon disabled', ['MOD-1239']) });
    await f.client('POST', `${TOKENS}/${created.body.id}/disable`);
    expectProblem(await f.client('GET', `${TOKENS}/${created.body.id}`, { token: created.body.token }), 401);
  });
});

describe('newer-than refresh queries', () => {
  it('ge/gt(timestamp,…) newest first returns exactly the newer records, and sees new ones at once', async () => {
    const filter = "eq(object.objectType,'ApiToken')";
    const all = await f.client('GET', `${AUDIT}?${filter}&order=-timestamp&limit=100`);
    const newest = all.body.data[0].timestamp as string;
    const ge = await f.client('GET', `${AUDIT}?and(${filter},ge(timestamp,'${newest}'))&order=-timestamp&limit=100&render()`);
    expect(ge.body.data.every((r: { timestamp: string }) => r.timestamp >= newest)).toBe(true);
    expect(ge.body.data.map((r: { id: string }) => r.id)).toContain(all.body.data[0].id);
    const gt = await f.client('GET', `${AUDIT}?and(${filter},gt(timestamp,'${newest}'))&order=-timestamp&limit=100`);
    expect(gt.body.$meta.pagination.total).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    const created = await f.client('POST', TOKENS, { json: createBody('After the refresh') });
    const after = await f.client('GET', `${AUDIT}?and(${filter},gt(timestamp,'${newest}'))&order=-timestamp&limit=100`);
    expect(after.body.data.map((r: { object: { id: string } }) => r.object.id)).toContain(created.body.id);
    // The same bound with another order still scans everything (no early stop on a wrong order).
    const asc = await f.client('GET', `${AUDIT}?and(${filter},gt(timestamp,'${newest}'))&order=timestamp&limit=100`);
    expect(asc.body.$meta.pagination.total).toBe(after.body.$meta.pagination.total);
  });

  it('paging a whole trail newest first gives every record once, in order', async () => {
    const first = await f.ops('GET', `${AUDIT}?order=-timestamp&limit=100`);
    const total = first.body.$meta.pagination.total as number;
    const seen: Array<{ id: string; timestamp: string }> = [...first.body.data];
    for (let offset = 100; offset < total; offset += 100) seen.push(...(await f.ops('GET', `${AUDIT}?order=-timestamp&limit=100&offset=${offset}`)).body.data);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.id)).size).toBe(total);
    const stamps = seen.map((r) => r.timestamp);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });
});

describe('large seeded histories', () => {
  it('--audit-records n seeds at least n records per account, visible and pageable', { timeout: 30_000 }, async () => {
    const parsed = parseCliArgs(['--audit-records', '20000', '--tokens', '200']);
    expect(parsed).toEqual({ help: false, options: { auditRecordsPerAccount: 20000, tokensPerAccount: 200 } });
    expect(() => parseCliArgs(['--audit-records', '-3'])).toThrow(/--audit-records/);
    const sb = await startSandbox({ seed: 3, accounts: [{ type: 'Client', tokens: 200 }, { type: 'Vendor', tokens: 5 }], auditRecordsPerAccount: 20_000 });
    try {
      const c = client(sb, sb.accounts[0]!.adminToken);
      const started = performance.now();
      const page = await c('GET', `${AUDIT}?eq(object.objectType,'ApiToken')&order=-timestamp&limit=100&offset=10000&render()`);
      const firstMs = performance.now() - started;
      expect(page.body.$meta.pagination.total).toBeGreaterThanOrEqual(20_000);
      expect(page.body.$meta.pagination.total).toBeLessThan(20_500);
      expect(page.body.data).toHaveLength(100);
      const again = performance.now();
      await c('GET', `${AUDIT}?eq(object.objectType,'ApiToken')&order=-timestamp&limit=100&offset=10100&render()`);
      const nextMs = performance.now() - again;
      // The matching set is kept between pages: the next page must not cost a full scan again.
      expect(nextMs).toBeLessThan(Math.max(firstMs, 50));
      const actions = new Set(page.body.data.map((r: { event: string }) => r.event.split('.').pop()));
      expect(actions.size).toBeGreaterThan(1);
      // Another account's history is not visible to this caller.
      const vendor = client(sb, sb.accounts[1]!.adminToken);
      const vendorTotal = (await vendor('GET', `${AUDIT}?limit=0`)).body.$meta.pagination.total;
      expect(vendorTotal).toBeGreaterThanOrEqual(20_000);
      const clientIds = new Set(page.body.data.map((r: { id: string }) => r.id));
      const vendorPage = await vendor('GET', `${AUDIT}?order=-timestamp&limit=100&offset=10000`);
      expect(vendorPage.body.data.some((r: { id: string }) => clientIds.has(r.id))).toBe(false);
    } finally {
      await sb.close();
    }
  });
});
