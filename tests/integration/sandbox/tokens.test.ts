import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT, createBody, expectProblem, startFixture, TOKENS, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sb.close();
});

describe('api-tokens CRUD over HTTP', () => {
  it('lists the caller account tokens in the documented envelope, audit omitted by default', async () => {
    const res = await f.client('GET', `${TOKENS}?limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // ops' view of the same account, minus Deleted tokens (invisible to the client)
    const asOps = await f.ops('GET', `${TOKENS}?eq(account.id,'${f.clientAccount.id}')&ne(status,Deleted)&limit=0`);
    expect(asOps.body.$meta.pagination.total).toBeGreaterThan(15);
    expect(asOps.body.$meta.pagination.total).toBeLessThanOrEqual(26); // 25 samples + admin
    expect(res.body.$meta.pagination).toEqual({ offset: 0, limit: 5, total: asOps.body.$meta.pagination.total });
    expect(res.body.$meta.omitted).toEqual(['audit']);
    expect(res.body.data).toHaveLength(5);
    for (const t of res.body.data) {
      expect(t.account.id).toBe(f.clientAccount.id);
      expect(t).not.toHaveProperty('audit');
      expect(t).not.toHaveProperty('token');
    }
  });

  it('creates a token: 201, value idt:TKN-…:<64 alnum>, revision 1, audit.created by the caller', async () => {
    const res = await f.client('POST', TOKENS, { json: createBody('CI pipeline', ['MOD-1756', 'MOD-0478']) });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^TKN-\d{4}-\d{4}$/);
    expect(res.body.token).toMatch(new RegExp(`^idt:${res.body.id}:[A-Za-z0-9]{64}$`));
    expect(res.body.revision).toBe(1);
    expect(res.body.status).toBe('Active');
    expect(res.body.account.id).toBe(f.clientAccount.id);
    expect(res.body.modules.map((m: { id: string }) => m.id)).toEqual(['MOD-1756', 'MOD-0478']);
    expect(res.body.audit.created.by).toEqual({ id: f.clientAccount.adminTokenId, name: 'Token Desk admin' });
    expect(Date.parse(res.body.audit.created.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('never returns the value again: not on get, list, or with select=+token', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Secret keeper') });
    const id = created.body.id as string;
    const get = await f.client('GET', `${TOKENS}/${id}`);
    expect(get.status).toBe(200);
    expect(get.body).not.toHaveProperty('token');
    const sel = await f.client('GET', `${TOKENS}/${id}?select=+token`);
    expect(sel.body).not.toHaveProperty('token');
    const list = await f.client('GET', `${TOKENS}?eq(id,'${id}')&select=+token`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).not.toHaveProperty('token');
    expect(JSON.stringify([get.body, sel.body, list.body])).not.toContain(created.body.token.split(':')[2]);
  });

  it('the created value authenticates (hash lookup) and the new token is its own caller', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Self caller') });
    const res = await f.client('GET', `${TOKENS}/${created.body.id}`, { token: created.body.token });
    expect(res.status).toBe(200);
    expect(res.body.lastAccessAt).not.toBeNull();
  });

  it('gets one token with audit included by default', async () => {
    const res = await f.client('GET', `${TOKENS}/${f.clientAccount.adminTokenId}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(f.clientAccount.adminTokenId);
    expect(res.body.audit.created.at).toBeTruthy();
  });

  it('updates name/description/modules, ignores immutable fields, bumps revision and audit.updated', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Before') });
    const id = created.body.id as string;
    const res = await f.client('PUT', `${TOKENS}/${id}`, {
      json: { name: 'After', description: null, icon: '', modules: [{ id: 'MOD-1756' }, { id: 'MOD-9042' }], account: { id: 'ACC-0000-0000' }, status: 'Disabled', revision: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('After');
    expect(res.body.description).toBeNull();
    expect(res.body.modules.map((m: { id: string }) => m.id)).toEqual(['MOD-1756', 'MOD-9042']);
    expect(res.body.account.id).toBe(f.clientAccount.id);
    expect(res.body.status).toBe('Active');
    expect(res.body.revision).toBe(2);
    expect(res.body.audit.updated.by.id).toBe(f.clientAccount.adminTokenId);
  });

  it('PUT with a stale revision is a 409 conflict and changes nothing', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Racy') });
    const id = created.body.id as string;
    await f.client('PUT', `${TOKENS}/${id}`, { json: { name: 'First writer', revision: 1 } });
    const res = await f.client('PUT', `${TOKENS}/${id}`, { json: { name: 'Second writer', revision: 1 } });
    expectProblem(res, 409);
    expect(res.body.title).toBe('Conflict');
    const now = await f.client('GET', `${TOKENS}/${id}`);
    expect(now.body.name).toBe('First writer');
    expect(now.body.revision).toBe(2);
  });

  it('disable → enable round trip; wrong state is a 400 with a clear title', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Toggle') });
    const id = created.body.id as string;
    const disabled = await f.client('POST', `${TOKENS}/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('Disabled');
    expect(disabled.body.revision).toBe(2);
    const again = await f.client('POST', `${TOKENS}/${id}/disable`);
    expectProblem(again, 400);
    expect(again.body.title).toBe('The API token is already disabled');
    const enabled = await f.client('POST', `${TOKENS}/${id}/enable`);
    expect(enabled.body.status).toBe('Active');
    expect(enabled.body.revision).toBe(3);
    const enableAgain = await f.client('POST', `${TOKENS}/${id}/enable`);
    expectProblem(enableAgain, 400);
    expect(enableAgain.body.title).toBe('The API token is already active');
  });

  it('a disabled token no longer authenticates (401), and works again once enabled', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Switch') });
    await f.client('POST', `${TOKENS}/${created.body.id}/disable`);
    expectProblem(await f.client('GET', TOKENS, { token: created.body.token }), 401);
    await f.client('POST', `${TOKENS}/${created.body.id}/enable`);
    expect((await f.client('GET', TOKENS, { token: created.body.token })).status).toBe(200);
  });

  it('delete → 204 empty, then 404 for the client; ops still sees it as Deleted', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Doomed') });
    const id = created.body.id as string;
    const del = await f.client('DELETE', `${TOKENS}/${id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expectProblem(await f.client('GET', `${TOKENS}/${id}`), 404);
    expectProblem(await f.client('DELETE', `${TOKENS}/${id}`), 404);
    expectProblem(await f.client('POST', `${TOKENS}/${id}/enable`), 404);
    const list = await f.client('GET', `${TOKENS}?eq(id,'${id}')`);
    expect(list.body.$meta.pagination.total).toBe(0);
    const asOps = await f.ops('GET', `${TOKENS}/${id}`);
    expect(asOps.body.status).toBe('Deleted');
    expectProblem(await f.client('GET', TOKENS, { token: created.body.token }), 401);
  });

  it('unknown id → 404 ProblemDetails on get, update, delete, enable and disable', async () => {
    for (const [method, path] of [
      ['GET', `${TOKENS}/TKN-0000-0000`],
      ['PUT', `${TOKENS}/TKN-0000-0000`],
      ['DELETE', `${TOKENS}/TKN-0000-0000`],
      ['POST', `${TOKENS}/TKN-0000-0000/enable`],
      ['POST', `${TOKENS}/TKN-0000-0000/disable`],
    ] as const) {
      const res = await f.client(method, path, method === 'PUT' ? { json: { name: 'x' } } : {});
      expectProblem(res, 404);
      expect(res.body.detail).toContain('TKN-0000-0000');
    }
  });

  it('writes one audit record per mutation, findable by eq(object.id,…)', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Audited') });
    const id = created.body.id as string;
    await f.client('PUT', `${TOKENS}/${id}`, { json: { name: 'Audited 2' } });
    await f.client('POST', `${TOKENS}/${id}/disable`);
    await f.client('POST', `${TOKENS}/${id}/enable`);
    await f.client('DELETE', `${TOKENS}/${id}`);
    const res = await f.client('GET', `${AUDIT}?eq(object.id,'${id}')&order=timestamp&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { event: string }) => r.event)).toEqual([
      'platform.accounts.apiToken.created',
      'platform.accounts.apiToken.updated',
      'platform.accounts.apiToken.disabled',
      'platform.accounts.apiToken.enabled',
      'platform.accounts.apiToken.deleted',
    ]);
    for (const r of res.body.data) {
      expect(r.id).toMatch(/^AUD-\d{4}-\d{4}-\d{4}-\d{4}$/);
      expect(r.object).toMatchObject({ id, objectType: 'ApiToken' });
      expect(r.actor).toMatchObject({ id: f.clientAccount.adminTokenId, account: { id: f.clientAccount.id, accountType: 'Client' } });
      expect(r.type).toBe('Public');
    }
    const one = await f.client('GET', `${AUDIT}/${res.body.data[0].id}`);
    expect(one.body.id).toBe(res.body.data[0].id);
  });

  it('create validation: 400 ProblemDetails with an errors map keyed by field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: '', modules: [{ id: 'MOD-1756' }] }, 'name'],
      [{ name: '   ', modules: [{ id: 'MOD-1756' }] }, 'name'],
      [{ name: 'x'.repeat(256), modules: [{ id: 'MOD-1756' }] }, 'name'],
      [{ name: 'ok', description: 'd'.repeat(2001), modules: [{ id: 'MOD-1756' }] }, 'description'],
      [{ name: 'ok' }, 'modules'],
      [{ name: 'ok', modules: [] }, 'modules'],
      [{ name: 'ok', modules: [{ id: 'MOD-1756-1452' }] }, 'modules'],
      [{ name: 'ok', modules: [{ id: 'MOD-0001' }] }, 'modules'],
      [{ name: 'ok', modules: [{ id: 'MOD-8743' }] }, 'modules'], // Vendor/Operations module, caller is a Client
      [{ name: 'ok', modules: [{ id: 'MOD-1756' }], account: { id: f.vendorAccount.id } }, 'account.id'],
    ];
    for (const [json, field] of cases) {
      const res = await f.client('POST', TOKENS, { json });
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(res.body.errors[field][0]).toEqual(expect.any(String));
    }
  });

  it('rejects a body that is not JSON (400) and an unsupported content type (415)', async () => {
    expectProblem(await f.client('POST', TOKENS, { body: '{oops', headers: { 'Content-Type': 'application/json' } }), 400);
    expectProblem(await f.client('POST', TOKENS, { body: 'name=x', headers: { 'Content-Type': 'text/plain' } }), 415);
  });

  it('accepts text/json and application/*+json bodies', async () => {
    for (const ct of ['text/json', 'application/vnd.api+json']) {
      const res = await f.client('POST', TOKENS, { body: JSON.stringify(createBody(`ct ${ct}`)), headers: { 'Content-Type': ct } });
      expect(res.status).toBe(201);
    }
  });

  it('v5 create accepts extensions (and null), and returns them', async () => {
    const withExt = await f.client('POST', TOKENS, { json: { ...createBody('With extension'), extensions: [{ id: 'EXT-1234-5678' }] } });
    expect(withExt.status).toBe(201);
    expect(withExt.body.extensions).toEqual([{ id: 'EXT-1234-5678' }]);
    const nullExt = await f.client('POST', TOKENS, { json: { ...createBody('Null extension'), extensions: null } });
    expect(nullExt.status).toBe(201);
    expect(nullExt.body).not.toHaveProperty('extensions');
    expectProblem(await f.client('POST', TOKENS, { json: { ...createBody('Bad extension'), extensions: 'EXT' } }), 400);
  });

  it('an undecodable id in the path is a 404, not a crash', async () => {
    expectProblem(await f.client('GET', `${TOKENS}/%E0%A4%A`), 404);
  });

  it('stats count requests and successful creates', async () => {
    const before = f.sb.stats();
    await f.client('POST', TOKENS, { json: createBody('Counted') });
    await f.client('POST', TOKENS, { json: { name: '' } });
    const after = f.sb.stats();
    expect(after.requests - before.requests).toBe(2);
    expect(after.creates - before.creates).toBe(1);
  });
});

describe('wrongStateMode noop and legacyReveal', () => {
  let g: Fixture;
  beforeAll(async () => {
    g = await startFixture({ wrongStateMode: 'noop', legacyReveal: true, tokensPerAccount: 3 });
  });
  afterAll(async () => {
    await g.sb.close();
  });

  it('enable on an Active token is a 200 no-op without a revision bump', async () => {
    const created = await g.client('POST', TOKENS, { json: createBody('Noop') });
    const res = await g.client('POST', `${TOKENS}/${created.body.id}/enable`);
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(1);
  });

  it('legacy reveal returns the value on get and list', async () => {
    const created = await g.client('POST', TOKENS, { json: createBody('Legacy') });
    const get = await g.client('GET', `${TOKENS}/${created.body.id}`);
    expect(get.body.token).toBe(created.body.token);
    const list = await g.client('GET', `${TOKENS}?ne(name,'Token Desk admin')&ne(id,'${created.body.id}')&limit=100`);
    expect(list.body.data.length).toBeGreaterThan(0);
    for (const sample of list.body.data) {
      expect(sample.token).toMatch(new RegExp(`^idt:${sample.id}:[A-Za-z0-9]{64}$`));
      // the revealed sample value really is that token's credential: Active ones authenticate
      const res = await g.client('GET', `${AUDIT}?limit=0`, { token: sample.token });
      expect(res.status).toBe(sample.status === 'Active' ? 200 : 401);
    }
  });
});
