import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT, createBody, expectProblem, MODULES_PATH, startFixture, TOKENS, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sb.close();
});

describe('authentication', () => {
  it('401 ProblemDetails for missing, malformed, unknown and non-Bearer credentials', async () => {
    const unknown = `idt:${f.clientAccount.adminTokenId}:${'A'.repeat(64)}`;
    const cases: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Bearer not-a-token' },
      { Authorization: `Basic ${f.clientAccount.adminToken}` },
      { Authorization: `Bearer ${unknown}` },
    ];
    for (const headers of cases) {
      const res = await f.anon('GET', TOKENS, { headers });
      expectProblem(res, 401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('accepts the admin value of each sample account', async () => {
    for (const call of [f.client, f.vendor, f.ops]) expect((await call('GET', `${TOKENS}?limit=1`)).status).toBe(200);
  });

  it('every authenticated call sets the caller token lastAccessAt', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Fresh') });
    expect(created.body.lastAccessAt).toBeNull();
    const before = Date.now();
    await f.client('GET', `${AUDIT}?limit=1`, { token: created.body.token });
    const res = await f.client('GET', `${TOKENS}/${created.body.id}`);
    expect(Date.parse(res.body.lastAccessAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a token without Access Management (MOD-1756) gets 403 on api-tokens but can read audit', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Billing only', ['MOD-1239']) });
    const res = await f.client('GET', TOKENS, { token: created.body.token });
    expectProblem(res, 403);
    expect(res.body.detail).toContain('MOD-1756');
    expect((await f.client('GET', `${AUDIT}?limit=1`, { token: created.body.token })).status).toBe(200);
  });
});

describe('scoping', () => {
  it('client and vendor see only their own account tokens', async () => {
    for (const [call, account] of [
      [f.client, f.clientAccount],
      [f.vendor, f.vendorAccount],
    ] as const) {
      const res = await call('GET', `${TOKENS}?limit=100`);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(new Set(res.body.data.map((t: { account: { id: string } }) => t.account.id))).toEqual(new Set([account.id]));
      expect(res.body.data.some((t: { status: string }) => t.status === 'Deleted')).toBe(false);
    }
  });

  it("another account's token is a 404 for client/vendor (get, update, delete, enable, disable)", async () => {
    const id = f.vendorAccount.adminTokenId;
    expectProblem(await f.client('GET', `${TOKENS}/${id}`), 404);
    expectProblem(await f.client('PUT', `${TOKENS}/${id}`, { json: { name: 'hijack' } }), 404);
    expectProblem(await f.client('DELETE', `${TOKENS}/${id}`), 404);
    expectProblem(await f.client('POST', `${TOKENS}/${id}/disable`), 404);
    expectProblem(await f.client('POST', `${TOKENS}/${id}/enable`), 404);
    expect((await f.vendor('GET', `${TOKENS}/${id}`)).body.status).toBe('Active');
  });

  it('ops sees every account, including Deleted tokens', async () => {
    const res = await f.ops('GET', `${TOKENS}?limit=100`);
    const accounts = new Set(res.body.data.map((t: { account: { id: string } }) => t.account.id));
    expect(accounts).toEqual(new Set([f.clientAccount.id, f.vendorAccount.id, f.opsAccount.id]));
    const total = res.body.$meta.pagination.total;
    const clientTotal = (await f.client('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total;
    const vendorTotal = (await f.vendor('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total;
    expect(total).toBeGreaterThan(clientTotal + vendorTotal);
  });

  it('ops creates a token for a client account via account.id; the client sees it and its audit record', async () => {
    const res = await f.ops('POST', TOKENS, { json: { ...createBody('Made by ops', ['MOD-1756', 'MOD-0622']), account: { id: f.clientAccount.id } } });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ id: f.clientAccount.id, name: 'Stark Industries', type: 'Client' });
    expect((await f.client('GET', `${TOKENS}/${res.body.id}`)).status).toBe(200);
    const audit = await f.client('GET', `${AUDIT}?eq(object.id,'${res.body.id}')`);
    expect(audit.body.data).toHaveLength(1);
    expect(audit.body.data[0].actor.account.accountType).toBe('Operations');
    expect(audit.body.data[0].viewers.map((v: { id: string }) => v.id)).toEqual([f.clientAccount.id, f.opsAccount.id]);
  });

  it('ops create for an unknown account or with a module of the wrong type is a 400', async () => {
    const unknown = await f.ops('POST', TOKENS, { json: { ...createBody('x'), account: { id: 'ACC-0000-0001' } } });
    expectProblem(unknown, 400);
    expect(unknown.body.errors).toHaveProperty(['account.id']);
    const wrongType = await f.ops('POST', TOKENS, { json: { ...createBody('x', ['MOD-3110']), account: { id: f.clientAccount.id } } });
    expectProblem(wrongType, 400);
    expect(wrongType.body.errors.modules[0]).toContain('not available for Client');
  });

  it('audit records: non-ops callers only see records of their own account', async () => {
    const vendorRecords = await f.vendor('GET', `${AUDIT}?limit=100`);
    expect(vendorRecords.body.data.length).toBeGreaterThan(0);
    for (const r of vendorRecords.body.data) expect(r.viewers.map((v: { id: string }) => v.id)).toContain(f.vendorAccount.id);
    const clientRecord = (await f.client('GET', `${AUDIT}?limit=1`)).body.data[0];
    expectProblem(await f.vendor('GET', `${AUDIT}/${clientRecord.id}`), 404);
    expect((await f.ops('GET', `${AUDIT}/${clientRecord.id}`)).status).toBe(200);
    const all = (await f.ops('GET', `${AUDIT}?limit=0`)).body.$meta.pagination.total;
    expect(all).toBeGreaterThan(vendorRecords.body.$meta.pagination.total);
  });
});

describe('modules', () => {
  it('ops lists the catalogue with real ids and settings', async () => {
    const res = await f.ops('GET', `${MODULES_PATH}?limit=100`);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.data.map((m: { id: string; name: string }) => [m.id, m]));
    expect(byId.get('MOD-1756')).toMatchObject({ name: 'Access Management' });
    expect(byId.get('MOD-0478')).toMatchObject({ name: 'Marketplace', accountTypes: ['Client', 'Vendor'], settings: { default: true, paid: false } });
    expect(byId.get('MOD-9042')).toMatchObject({ name: 'Account management' });
    for (const id of ['MOD-0622', 'MOD-1239', 'MOD-4525', 'MOD-5842', 'MOD-6338', 'MOD-8352', 'MOD-8743']) expect(byId.has(id)).toBe(true);
  });

  it('ops filters modules by account type with RQL', async () => {
    const res = await f.ops('GET', `${MODULES_PATH}?any(accountTypes,eq(*,Vendor))&limit=100`);
    // `*` is not a field: bad RQL; the supported form is eq(accountTypes,Vendor) (arrays match any element)
    expectProblem(res, 400);
    const ok = await f.ops('GET', `${MODULES_PATH}?eq(accountTypes,Vendor)&eq(settings.default,true)&eq(settings.paid,false)&limit=100&order=id`);
    expect(ok.body.data.map((m: { id: string }) => m.id)).toEqual(['MOD-0478', 'MOD-1239', 'MOD-1756', 'MOD-4525', 'MOD-5842', 'MOD-8352', 'MOD-8743', 'MOD-9042']);
  });

  it('ops gets one module; unknown id is a 404', async () => {
    expect((await f.ops('GET', `${MODULES_PATH}/MOD-1756`)).body.name).toBe('Access Management');
    expectProblem(await f.ops('GET', `${MODULES_PATH}/MOD-0000`), 404);
  });

  it('client and vendor get 403 on the list and on get', async () => {
    for (const call of [f.client, f.vendor]) {
      expectProblem(await call('GET', MODULES_PATH), 403);
      expectProblem(await call('GET', `${MODULES_PATH}/MOD-1756`), 403);
    }
  });
});
