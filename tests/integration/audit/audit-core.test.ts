/**
 * The audit channels through the REAL handler table over a real sandbox, real conf files and
 * the real keychain: whole-trail paging, the one-request refresh, a truncated page refused
 * without touching the cache, offline fallback, the account log of an Operations account and
 * the CSV export. Needs a Secret Service (see tests/integration/tokens/tokens-handlers.test.ts); without
 * one the suite is skipped with the printed reason.
 *
 * The tests run in order and share one sandbox; the offline ones close it, so they come last.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionOf, EMPTY_AUDIT_FILTERS, type AuditEntry } from '../../../common/audit-log';
import { createMarketplaceClient, rql, type MarketplaceClient } from '../../../main/core/api';
import { startHarness, type Harness } from '../tokens/harness';
import { requireSecretService } from '../vault/secret-service';

const available = await requireSecretService('audit integration');

/** Files of the audit cache (name → bytes), to prove a failed refresh wrote nothing. */
function auditFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of fs.readdirSync(dir).filter((d) => d.startsWith('audit-'))) {
    for (const f of fs.readdirSync(path.join(dir, sub))) out.set(`${sub}/${f}`, fs.readFileSync(path.join(dir, sub, f), 'utf8'));
  }
  return out;
}

describe.skipIf(!available)('audit handlers: real dispatch, sandbox, keychain and files', () => {
  let h: Harness;
  let api: MarketplaceClient;
  let tokenId: string;
  let adminToken: string;

  const requests = () => h.sandbox.stats().requests;

  beforeAll(async () => {
    // A few tokens with long histories: each trail is several API pages long.
    h = await startHarness({ seed: 11, accounts: [{ type: 'Client', tokens: 4 }, { type: 'Vendor', tokens: 3 }], auditRecordsPerAccount: 700 });
    const client = h.sandbox.accounts.find((a) => a.type === 'Client')!;
    adminToken = client.adminToken;
    api = createMarketplaceClient({ baseUrl: h.sandbox.url, token: adminToken, appVersion: 'test', retry: { maxAttempts: 1 } });
    await h.services.connections.add({ name: 'Stark (sandbox)', baseUrl: h.sandbox.url, token: adminToken });
    const tokens = await api.tokens.listAll();
    const counts = await Promise.all(tokens.map(async (t) => ({ id: t.id, n: (await api.audit.listPage(rql.eq('object.id', t.id), { offset: 0, limit: 1 })).total })));
    tokenId = counts.sort((a, b) => b.n - a.n)[0]!.id;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('audit.account before any sync: nothing cached', async () => {
    const page = await h.call('audit.account', { offset: 0, limit: 10 });
    expect(page).toMatchObject({ items: [], total: 0, fetchedAt: null, complete: false, capped: false, cap: 100_000 });
  });

  it('a token trail is whole: newest first, older pages as asked, every record once', async () => {
    const expected = await api.audit.listAll(rql.eq('object.id', tokenId));
    expect(expected.length).toBeGreaterThan(150); // several API pages
    const seen: AuditEntry[] = [];
    let page = await h.call('audit.token', { id: tokenId, offset: 0, limit: 60, refresh: true });
    seen.push(...page.items);
    while (page.hasMore) {
      page = await h.call('audit.token', { id: tokenId, offset: seen.length, limit: 60 });
      seen.push(...page.items);
    }
    expect(page.complete).toBe(true);
    expect(new Set(seen.map((e) => e.id))).toEqual(new Set(expected.map((r) => r.id)));
    expect(seen).toHaveLength(expected.length);
    const stamps = seen.map((e) => e.timestamp);
    expect(stamps).toEqual([...stamps].sort().reverse());
    expect(seen.every((e) => e.token.id === tokenId && e.details.includes(tokenId))).toBe(true);
  });

  it('refreshing an unchanged trail is ONE request; a disable shows its record on the next refresh', async () => {
    let before = requests();
    const same = await h.call('audit.token', { id: tokenId, offset: 0, limit: 20, refresh: true });
    expect(requests() - before).toBe(1);
    const token = await api.tokens.get(tokenId);
    await h.call(token.status === 'Active' ? 'tokens.disable' : 'tokens.enable', { id: tokenId });
    before = requests();
    const after = await h.call('audit.token', { id: tokenId, offset: 0, limit: 20, refresh: true });
    expect(requests() - before).toBe(1);
    expect(after.items[0]!.id).not.toBe(same.items[0]!.id);
    expect(actionOf(after.items[0]!.event)).toBe(token.status === 'Active' ? 'disabled' : 'enabled');
    expect(after.items[1]!.id).toBe(same.items[0]!.id);
  });

  it('the account log: a whole sync, then an unchanged refresh is ONE request and rewrites no chunk', async () => {
    const expectedTotal = (await api.audit.listPage(await import('../../../main/core/api/audit').then((m) => m.API_TOKEN_EVENTS), { offset: 0, limit: 1 })).total;
    const full = await h.call('audit.syncAccount');
    expect(full).toMatchObject({ complete: true, capped: false, total: expectedTotal });
    expect(h.events.some((e) => e.event === 'audit.progress')).toBe(true);
    const chunks = () => new Map([...auditFiles(h.dir)].filter(([name]) => !name.endsWith('/index.json')));
    const files = chunks();
    expect(files.size).toBeGreaterThan(0);
    const before = requests();
    const again = await h.call('audit.syncAccount');
    expect(requests() - before).toBe(1);
    expect(again.added).toBe(0);
    expect(again.fetchedAt! > full.fetchedAt!).toBe(true); // only the index records the refresh time
    expect(chunks()).toEqual(files);
    const page = await h.call('audit.account', { offset: 0, limit: 200_000 });
    expect(page.items).toHaveLength(expectedTotal);
    expect(page.items.every((e) => e.account?.name === 'Stark Industries')).toBe(true);
  });

  it('a truncated page is refused: the refresh says it failed and the cache files stay byte for byte', async () => {
    await h.call('tokens.update', { id: tokenId, name: 'Renamed while the proxy breaks', description: '', moduleIds: ['MOD-1756'] });
    const files = auditFiles(h.dir);
    h.sandbox.setFaults({ malformedRate: 1 });
    try {
      const log = await h.call('audit.syncAccount');
      expect(log.refreshError).toMatch(/could not be refreshed/);
      expect(log.added).toBe(0);
      const trail = await h.call('audit.token', { id: tokenId, offset: 0, limit: 20, refresh: true });
      expect(trail.refreshError).toMatch(/could not be refreshed/);
      expect(trail.items.length).toBe(20);
      expect(auditFiles(h.dir)).toEqual(files);
    } finally {
      h.sandbox.setFaults({});
    }
    const healed = await h.call('audit.syncAccount');
    expect(healed.added).toBe(1);
    expect(healed.refreshError).toBeUndefined();
  });

  it('CSV export: the filtered rows, escaped, injection-safe, never a secret', async () => {
    const created = await h.call('tokens.create', { name: '=HYPERLINK("http://evil.example","x")', description: '', moduleIds: ['MOD-1756'] });
    await h.call('audit.syncAccount');
    const all = await h.call('audit.exportCsv', { filters: EMPTY_AUDIT_FILTERS });
    const page = await h.call('audit.account', { offset: 0, limit: 200_000 });
    expect(all.rows).toBe(page.total);
    expect(all.fileName).toMatch(/^token-desk-audit-stark-industries-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = all.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Time (UTC),Action,Event,Summary,Details,Token ID,Token name,Actor ID,Actor name,Account ID,Account name');
    const row = lines.find((l) => l.includes(created.token.id) && l.includes(',created,'))!;
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(all.csv).not.toContain(created.value);
    expect(all.csv).not.toContain(adminToken);
    expect(all.csv).not.toMatch(/idt:TKN-/);
    const disabled = await h.call('audit.exportCsv', { filters: { ...EMPTY_AUDIT_FILTERS, actions: ['disabled'] } });
    const rows = disabled.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBe(disabled.rows);
    expect(rows.length).toBe(page.items.filter((e) => actionOf(e.event) === 'disabled').length);
    expect(rows.every((r) => r.split(',')[1] === 'disabled')).toBe(true);
    const bad = await h.fail('audit.exportCsv', { filters: { ...EMPTY_AUDIT_FILTERS, actions: ['exploded' as never] } });
    expect(bad.code).toBe('validation');
  });

  it('offline: both views answer from the cache with the offline notice', async () => {
    const online = await h.call('audit.account', { offset: 0, limit: 50 });
    const trailOnline = await h.call('audit.token', { id: tokenId, offset: 0, limit: 50 });
    await h.sandbox.close();
    const sync = await h.call('audit.syncAccount');
    expect(sync.offline).toEqual({ since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), reason: 'offline' });
    expect(sync.fetchedAt).not.toBeNull();
    expect(sync.total).toBe(online.total);
    const log = await h.call('audit.account', { offset: 0, limit: 50 });
    expect(log.items).toEqual(online.items);
    const trail = await h.call('audit.token', { id: tokenId, offset: 0, limit: 50, refresh: true });
    expect(trail.offline?.reason).toBe('offline');
    expect(trail.items).toEqual(trailOnline.items);
    const last = await h.call('audit.token', { id: tokenId, offset: 5000, limit: 50 });
    expect(last).toMatchObject({ items: [], hasMore: false });
  });
});
