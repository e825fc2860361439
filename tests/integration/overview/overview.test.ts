/**
 * `overview.get` through the REAL handler table over a real sandbox, real conf files and the
 * real keychain: the numbers match the cached token list and audit log they come from, each
 * last-access bar holds exactly the tokens the table's filter shows, the rules come from the
 * Settings (bad rules change nothing), all connections sum up, and it answers offline without
 * a request. Needs a Secret Service; without one the suite is skipped with the printed reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIso } from '../../../common/dates';
import { matchesLastAccess } from '../../../common/last-access';
import { DEFAULT_OVERVIEW_RULES } from '../../../common/overview';
import { startHarness, type Harness } from '../tokens/harness';
import { requireSecretService } from '../vault/secret-service';

const available = await requireSecretService('overview integration');

describe.skipIf(!available)('overview.get: real dispatch, sandbox, keychain and files', () => {
  let h: Harness;
  let client: string;
  let vendor: string;

  beforeAll(async () => {
    h = await startHarness({ seed: 5, accounts: [{ type: 'Client', tokens: 120 }, { type: 'Vendor', tokens: 40 }], auditRecordsPerAccount: 400 });
    const [c, v] = ['Client', 'Vendor'].map((type) => h.sandbox.accounts.find((a) => a.type === type)!);
    vendor = (await h.services.connections.add({ name: 'Vendor (sandbox)', baseUrl: h.sandbox.url, token: v!.adminToken })).id;
    client = (await h.services.connections.add({ name: 'Client (sandbox)', baseUrl: h.sandbox.url, token: c!.adminToken })).id;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('says nothing is cached yet, and refuses a connection that is not saved', async () => {
    const o = await h.call('overview.get', { scope: 'all' });
    expect(o).toMatchObject({ tokens: 0, asOf: null, connections: [{ tokens: 0, fetchedAt: null }, { tokens: 0, fetchedAt: null }] });
    const error = await h.fail('overview.get', { scope: 'not-a-connection' });
    expect(error).toMatchObject({ code: 'not_found', fields: { scope: ['Not a saved connection.'] } });
    expect((await h.fail('overview.get', { scope: client, timeZone: 'Mars/Olympus' })).code).toBe('validation');
  });

  it('counts what the cached list and audit log hold, each bar as the table filters it', async () => {
    const list = await h.call('tokens.sync', {});
    await h.call('audit.syncAccount', {});
    const o = await h.call('overview.get', { scope: client });
    expect(o.scope).toBe(client);
    expect(o.tokens).toBe(list.tokens.length);
    expect(o.asOf).toBe(list.fetchedAt);
    for (const status of ['Active', 'Disabled'] as const) expect(o.byStatus[status]).toBe(list.tokens.filter((t) => t.status === status).length);
    const now = Date.parse(o.computedAt);
    let sum = 0;
    for (const bar of o.lastAccess) {
      const shown = list.tokens.filter((t) => matchesLastAccess(bar.filter.lastAccess, parseIso(t.lastAccessAt), now));
      expect(bar.count, bar.bucket).toBe(shown.length);
      expect(bar.byConnection).toEqual({ [client]: shown.length });
      sum += bar.count;
    }
    expect(sum).toBe(list.tokens.length);
    expect(o.lastAccess.filter((b) => b.count > 0).length).toBeGreaterThan(1);

    const log = await h.call('audit.account', { offset: 0, limit: 200_000 });
    const from = Date.parse(o.audit.days[0]!.from);
    expect(o.audit.total).toBe(log.items.filter((e) => Date.parse(e.timestamp) >= from).length);
    expect(o.audit.total).toBeGreaterThan(0);
    expect(o.audit.days.reduce((n, d) => n + d.total, 0)).toBe(o.audit.total);
    expect(o.audit.asOf).not.toBeNull();

    // Each attention item names a token of the list, in the state the list shows.
    const byId = new Map(list.tokens.map((t) => [t.id, t]));
    expect(o.attention.items.length).toBeGreaterThan(0);
    for (const item of o.attention.items) expect(byId.get(item.tokenId)?.status, item.tokenId).toBe(item.status);
    expect(o.rules).toEqual(DEFAULT_OVERVIEW_RULES);
  });

  it('takes its rules from the Settings; bad rules are refused and change nothing', async () => {
    const before = await h.call('overview.get', { scope: client });
    await h.call('settings.set', { overviewRules: { staleDays: 30, findings: ['unused'] } });
    const after = await h.call('overview.get', { scope: client });
    expect(Object.keys(after.attention.counts)).toEqual(['unused']);
    expect(after.attention.counts.unused).toBeGreaterThanOrEqual(before.attention.counts.unused ?? 0);
    expect(after.attention.items.every((i) => i.kind === 'unused')).toBe(true);

    const bad = await h.fail('settings.set', { overviewRules: { staleDays: 3, findings: ['unused'] } });
    expect(bad.code).toBe('validation');
    const dup = await h.fail('settings.set', { overviewRules: { staleDays: 60, findings: ['unused', 'unused'] } });
    expect(dup.code).toBe('validation');
    expect((await h.call('settings.get', {})).settings.overviewRules).toEqual({ staleDays: 30, findings: ['unused'] });
    await h.call('settings.set', { overviewRules: DEFAULT_OVERVIEW_RULES });
  });

  it('sums every connection for "all", with the oldest data’s age', async () => {
    await h.call('connections.switch', { id: vendor });
    const vendorList = await h.call('tokens.sync', {});
    const one = await h.call('overview.get', { scope: client });
    const all = await h.call('overview.get', { scope: 'all' });
    expect(all.tokens).toBe(one.tokens + vendorList.tokens.length);
    expect(all.connections.map((c) => c.id).sort()).toEqual([client, vendor].sort());
    expect(all.asOf).toBe([one.asOf!, vendorList.fetchedAt!].sort()[0]);
    for (const bar of all.lastAccess) expect(bar.byConnection[client]).toBe(one.lastAccess.find((b) => b.bucket === bar.bucket)!.byConnection[client]);
  });

  it('answers offline from the cache, without a request', async () => {
    const online = await h.call('overview.get', { scope: 'all' });
    const requests = h.sandbox.stats().requests;
    await h.sandbox.close();
    const offline = await h.call('overview.get', { scope: 'all' });
    expect(h.sandbox.stats().requests).toBe(requests);
    expect({ ...offline, computedAt: '' }).toEqual({ ...online, computedAt: '' });
  });
});
