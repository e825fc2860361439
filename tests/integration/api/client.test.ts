/**
 * Every endpoint and every error class of the client against the sandbox over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenSchema, auditRecordSchema, moduleSchema } from '../../../common/domain';
import { HttpClient } from '../../../main/core/api/http';
import { parseListEnvelope } from '../../../main/core/api/pagination';
import { assertMatchesSchema } from '../sandbox/openapi-validator';
import { createMarketplaceClient, rql, whoAmI } from '../../../main/core/api/index';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { ACCESS_MANAGEMENT, account, clientFor, deskError, MARKETPLACE } from './helpers';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 11, tokensPerAccount: 5 });
});
afterAll(() => sb.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

describe('whoAmI', () => {
  it.each(['Client', 'Vendor', 'Operations'] as const)('identifies the %s admin token and its account', async (type) => {
    const a = account(sb, type);
    const me = await clientFor(sb, type).whoAmI();
    expect(me).toEqual({ tokenId: a.adminTokenId, tokenName: expect.any(String), tokenStatus: 'Active', account: { id: a.id, name: a.name, type } });
  });

  it('a wrong secret is rejected with a plain 401 message', async () => {
    const a = account(sb, 'Client');
    const e = await deskError(whoAmI({ baseUrl: sb.url, token: `idt:${a.adminTokenId}:${'x'.repeat(64)}` }));
    expect(e.code).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.message).toBe('The Marketplace rejected this token (it may be disabled, deleted or mistyped).');
  });

  it('a disabled token is rejected, saying it may be disabled', async () => {
    const admin = clientFor(sb, 'Client');
    const created = await admin.tokens.create({ name: 'who-am-i disabled', moduleIds: [ACCESS_MANAGEMENT] });
    expect((await clientFor(sb, created.token!).whoAmI()).tokenId).toBe(created.id);
    await admin.tokens.disable(created.id);
    const e = await deskError(clientFor(sb, created.token!).whoAmI());
    expect(e.code).toBe('unauthorized');
    expect(e.message).toMatch(/disabled/);
  });

  it('a legacy value without the prefix is refused locally with the hint', async () => {
    const before = sb.stats().requests;
    const e = await deskError(whoAmI({ baseUrl: sb.url, token: 'A'.repeat(64) }));
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/older token without the idt:TKN-/);
    expect(sb.stats().requests).toBe(before);
  });
});

describe('tokens: every endpoint', () => {
  it('create → get → update → disable → enable → delete, with revisions and audit', async () => {
    const api = clientFor(sb, 'Client');
    const created = await api.tokens.create({ name: 'Lifecycle', description: 'made by the client test', moduleIds: [ACCESS_MANAGEMENT, MARKETPLACE] });
    expect(created.id).toMatch(/^TKN-\d{4}-\d{4}$/);
    expect(created.token).toMatch(new RegExp(`^idt:${created.id}:[A-Za-z0-9]+$`));
    expect(created.status).toBe('Active');
    expect(created.revision).toBe(1);
    expect(created.account.id).toBe(account(sb, 'Client').id);
    expect(created.modules.map((m) => m.id).sort()).toEqual([MARKETPLACE, ACCESS_MANAGEMENT].sort());

    const got = await api.tokens.get(created.id);
    expect(got.token).toBeUndefined(); // v5: the value only on create
    expect(got.name).toBe('Lifecycle');

    const updated = await api.tokens.update(created.id, { name: 'Lifecycle 2', description: null, moduleIds: [ACCESS_MANAGEMENT], revision: 1 });
    expect(updated).toMatchObject({ name: 'Lifecycle 2', description: null, revision: 2 });
    expect(updated.modules.map((m) => m.id)).toEqual([ACCESS_MANAGEMENT]);

    const stale = await deskError(api.tokens.update(created.id, { name: 'stale', description: null, moduleIds: [ACCESS_MANAGEMENT], revision: 1 }));
    expect(stale.code).toBe('conflict');
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/changed by someone else/);

    expect((await api.tokens.disable(created.id)).status).toBe('Disabled');
    // Desired-state semantics: disabling a Disabled token returns it instead of failing.
    expect((await api.tokens.disable(created.id)).status).toBe('Disabled');
    expect((await api.tokens.enable(created.id)).status).toBe('Active');

    const trail = await api.audit.listPage(rql.eq('object.id', created.id), { offset: 0, limit: 100 });
    expect(trail.total).toBeGreaterThanOrEqual(4);
    const times = trail.items.map((r) => Date.parse(r.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    expect(trail.items.every((r) => r.object?.id === created.id)).toBe(true);
    expect(await api.audit.listAll(rql.eq('object.id', created.id), { pageSize: 2, concurrency: 2 })).toEqual(trail.items);

    await expect(api.tokens.delete(created.id)).resolves.toBeUndefined();
    const gone = await deskError(api.tokens.get(created.id));
    expect(gone.code).toBe('not_found');
    expect(gone.status).toBe(404);
  });

  it('create with a logo (multipart) stores the icon', async () => {
    const api = clientFor(sb, 'Vendor');
    const created = await api.tokens.create({ name: 'With logo', moduleIds: [ACCESS_MANAGEMENT], icon: { fileName: 'logo.png', mimeType: 'image/png', bytes: PNG } });
    expect(created.icon).toMatch(new RegExp(`${created.id}/icon$`));
    expect(created.token).toBeDefined();
  });

  it('update replaces the logo (multipart) and removes it (icon "")', async () => {
    const api = clientFor(sb, 'Client');
    const t = await api.tokens.create({ name: 'Logo edit', moduleIds: [ACCESS_MANAGEMENT] });
    expect(t.icon ?? '').toBe('');
    const withLogo = await api.tokens.update(t.id, { name: 'Logo edit', description: null, moduleIds: [ACCESS_MANAGEMENT], revision: 1, icon: { fileName: 'l.png', mimeType: 'image/png', bytes: PNG } });
    expect(withLogo.icon).toMatch(new RegExp(`${t.id}/icon$`));
    const kept = await api.tokens.update(t.id, { name: 'Logo edit 2', description: null, moduleIds: [ACCESS_MANAGEMENT] });
    expect(kept.icon).toBe(withLogo.icon);
    const removed = await api.tokens.update(t.id, { name: 'Logo edit 2', description: null, moduleIds: [ACCESS_MANAGEMENT], icon: null });
    expect(removed.icon ?? '').toBe('');
  });

  it('ops creates a token for another account', async () => {
    const client = account(sb, 'Client');
    const created = await clientFor(sb, 'Operations').tokens.create({ name: 'Made by ops', moduleIds: [ACCESS_MANAGEMENT], accountId: client.id });
    expect(created.account.id).toBe(client.id);
    const seen = await clientFor(sb, 'Client').tokens.list({ filter: rql.eq('id', created.id) });
    expect(seen.items.map((t) => t.id)).toEqual([created.id]);
  });

  it('list carries audit (select=audit) and every item parses as an ApiToken', async () => {
    const page = await clientFor(sb, 'Client').tokens.list({ limit: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const t of page.items) {
      expect(apiTokenSchema.safeParse(t).success).toBe(true);
      expect(t.audit?.created?.at).toEqual(expect.any(String));
      expect(t.token).toBeUndefined();
    }
  });

  it('modules: ops lists them; a client gets 403 forbidden', async () => {
    const ops = clientFor(sb, 'Operations');
    const all = await ops.modules.listAll({}, { pageSize: 5 });
    expect(all.find((m) => m.id === ACCESS_MANAGEMENT)?.name).toBe('Access Management');
    const e = await deskError(clientFor(sb, 'Client').modules.listAll());
    expect(e.code).toBe('forbidden');
    expect(e.status).toBe(403);
    expect(e.message).toMatch(/Operations accounts only/);
  });
});

describe('error classes', () => {
  it('validation: 400 with field errors from the API', async () => {
    const e = await deskError(clientFor(sb, 'Client').tokens.create({ name: 'bad module', moduleIds: ['MOD-9999'] }));
    expect(e.code).toBe('validation');
    expect(e.status).toBe(400);
    expect(e.fields).toBeDefined();
    expect(Object.keys(e.fields!).some((k) => k.startsWith('modules'))).toBe(true);
    expect(e.traceId).toEqual(expect.any(String));
  });

  it('validation: a bad RQL filter field is reported by the server', async () => {
    const e = await deskError(clientFor(sb, 'Client').tokens.list({ filter: rql.eq('mistake', 'x') }));
    expect(e.code).toBe('validation');
    expect(e.status).toBe(400);
  });

  it('unauthorized: 401 for an unknown token', async () => {
    const e = await deskError(clientFor(sb, 'idt:TKN-0000-0000:nope').tokens.list());
    expect(e.code).toBe('unauthorized');
    expect(e.status).toBe(401);
    expect(e.message).not.toContain('idt:TKN-0000-0000:nope');
  });

  it('forbidden: 403 for a token without Access Management', async () => {
    const made = await clientFor(sb, 'Client').tokens.create({ name: 'no access mgmt', moduleIds: [MARKETPLACE] });
    const e = await deskError(clientFor(sb, made.token!).tokens.list());
    expect(e.code).toBe('forbidden');
    expect(e.status).toBe(403);
  });

  it('not_found: 404 on get, update, delete, enable, disable of an unknown id', async () => {
    const api = clientFor(sb, 'Client');
    const id = 'TKN-0000-0000';
    const results = await Promise.all([
      deskError(api.tokens.get(id)),
      deskError(api.tokens.update(id, { name: 'x', description: null, moduleIds: [ACCESS_MANAGEMENT] })),
      deskError(api.tokens.delete(id)),
      deskError(api.tokens.enable(id)),
      deskError(api.tokens.disable(id)),
    ]);
    for (const e of results) expect([e.code, e.status]).toEqual(['not_found', 404]);
  });

  it('rate_limited: 429 after the retries run out', async () => {
    sb.setFaults({ rateLimitRate: 1, retryAfterSeconds: 0 });
    try {
      const e = await deskError(clientFor(sb, 'Client', { retry: { maxAttempts: 2, baseDelayMs: 1 } }).tokens.list());
      expect(e.code).toBe('rate_limited');
      expect(e.status).toBe(429);
    } finally {
      sb.setFaults({});
    }
  });

  it('server: 5xx after the retries run out', async () => {
    sb.setFaults({ errorRate: 1 });
    try {
      const e = await deskError(clientFor(sb, 'Client', { retry: { maxAttempts: 2, baseDelayMs: 1 } }).tokens.list());
      expect(e.code).toBe('server');
      expect(e.status).toBeGreaterThanOrEqual(500);
    } finally {
      sb.setFaults({});
    }
  });

  it('timeout: no answer within timeoutMs', async () => {
    sb.setFaults({ latencyMs: 400 });
    try {
      const e = await deskError(clientFor(sb, 'Client', { timeoutMs: 100 }).tokens.list());
      expect(e.code).toBe('timeout');
    } finally {
      sb.setFaults({});
    }
  });

  it('offline: nothing listening', async () => {
    const other = await startSandbox({ seed: 2, tokensPerAccount: 0 });
    const token = other.accounts[0]!.adminToken;
    await other.close();
    const e = await deskError(createMarketplaceClient({ baseUrl: other.url, token, appVersion: 't', retry: { maxAttempts: 2, baseDelayMs: 1 } }).tokens.list());
    expect(e.code).toBe('offline');
    expect(e.message).toMatch(/could not be reached/);
  });

  it('validation (local): plain http to a non-loopback host is refused', () => {
    expect(() => createMarketplaceClient({ baseUrl: 'http://api.platform.softwareone.com', token: 'idt:TKN-1:x', appVersion: 't' })).toThrow(/plain http is only allowed to this computer/);
  });
});

// The same raw bodies must match the published OpenAPI schemas (the sandbox engineer's
// validator) AND parse with the client's domain schemas: the two agree on the wire format.
describe('raw responses match the OpenAPI schemas and the domain schemas', () => {
  const raw = async (type: 'Client' | 'Operations', path: string, query?: string) => {
    const http = new HttpClient({ baseUrl: sb.url, token: account(sb, type).adminToken, appVersion: 't' });
    return (await http.request({ method: 'GET', path, ...(query ? { query } : {}) })).body;
  };

  it('ApiToken, ApiTokenListResponse, Module, ModuleListResponse, AuditRecord, AuditRecordListResponse', async () => {
    const tokenId = account(sb, 'Client').adminTokenId;
    const token = await raw('Client', `/public/v1/accounts/api-tokens/${tokenId}`);
    assertMatchesSchema('ApiToken', token);
    expect(apiTokenSchema.safeParse(token).success).toBe(true);

    const list = await raw('Client', '/public/v1/accounts/api-tokens', rql.buildQuery({ limit: 5, select: ['audit'] }));
    assertMatchesSchema('ApiTokenListResponse', list);
    expect(parseListEnvelope(list, apiTokenSchema, { offset: 0, limit: 5 }).items.length).toBeGreaterThan(0);

    const mod = await raw('Operations', '/public/v1/accounts/modules/MOD-1756');
    assertMatchesSchema('Module', mod);
    expect(moduleSchema.safeParse(mod).success).toBe(true);
    assertMatchesSchema('ModuleListResponse', await raw('Operations', '/public/v1/accounts/modules', 'limit=3'));

    const records = await raw('Client', '/public/v1/audit/records', rql.buildQuery({ limit: 3, filter: rql.eq('object.id', tokenId) }));
    assertMatchesSchema('AuditRecordListResponse', records);
    const page = parseListEnvelope(records, auditRecordSchema, { offset: 0, limit: 3 });
    expect(page.items.length).toBeGreaterThan(0);
    assertMatchesSchema('AuditRecord', await raw('Client', `/public/v1/audit/records/${page.items[0]!.id}`));
  });

  it('error bodies are ProblemDetails', async () => {
    const http = new HttpClient({ baseUrl: sb.url, token: account(sb, 'Client').adminToken, appVersion: 't' });
    const res = await fetch(http.url('/public/v1/accounts/api-tokens/TKN-0000-0000'), { headers: { Authorization: `Bearer ${http.tokenValue}` } });
    expect(res.status).toBe(404);
    assertMatchesSchema('ProblemDetails', await res.json());
  });
});
