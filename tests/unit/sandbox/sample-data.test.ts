import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MODULE_BY_ID, MODULES, modulesForAccountType } from '../../../main/sandbox/modules-catalogue';
import { generateAccountSample, generateSampleData, iso } from '../../../main/sandbox/sample-data';

const NOW = '2026-06-01T00:00:00.000Z';

describe('sample data', () => {
  it('is deterministic for the same seed and now, and differs for another seed', () => {
    const a = generateSampleData({ seed: 5, now: NOW });
    const b = generateSampleData({ seed: 5, now: NOW });
    const c = generateSampleData({ seed: 6, now: NOW });
    expect(JSON.stringify(a.tokens)).toBe(JSON.stringify(b.tokens));
    expect(JSON.stringify(a.audit)).toBe(JSON.stringify(b.audit));
    expect(a.admins).toEqual(b.admins);
    expect(JSON.stringify(a.tokens)).not.toBe(JSON.stringify(c.tokens));
  });

  it('default: Stark Industries (Client), a Vendor and an Operations account, each with an admin token having all its modules', () => {
    const data = generateSampleData({ now: NOW });
    expect(data.accounts.map((a) => [a.name, a.type])).toEqual([
      ['Stark Industries', 'Client'],
      ['Globex Software', 'Vendor'],
      ['SoftwareOne Operations', 'Operations'],
    ]);
    expect(data.tokens).toHaveLength(3 * 26);
    for (const admin of data.admins) {
      const token = data.tokens.find((t) => t.id === admin.tokenId);
      const account = data.accounts.find((a) => a.id === admin.accountId);
      expect(token?.status).toBe('Active');
      expect(admin.value).toMatch(new RegExp(`^idt:${admin.tokenId}:[A-Za-z0-9]{64}$`));
      expect(token?.tokenHash).toBe(createHash('sha256').update(admin.value).digest('hex'));
      expect(token?.moduleIds).toEqual(modulesForAccountType(account?.type ?? 'Client').map((m) => m.id));
    }
  });

  it('realistic tokens: formats, 1–4 allowed modules, mostly Active, dates over two years, stale and never-used ones', () => {
    const data = generateSampleData({ seed: 9, now: NOW, accounts: [{ name: 'Big', type: 'Vendor', tokens: 2000 }] });
    const samples = data.tokens.slice(1);
    const nowMs = Date.parse(NOW);
    const allowed = new Set(modulesForAccountType('Vendor').map((m) => m.id));
    let active = 0;
    let disabled = 0;
    let neverUsed = 0;
    let stale = 0;
    for (const t of samples) {
      expect(t.id).toMatch(/^TKN-\d{4}-\d{4}$/);
      expect(t.created.by.id).toMatch(/^USR-\d{4}-\d{4}$/);
      expect(t.moduleIds.length).toBeGreaterThanOrEqual(1);
      expect(t.moduleIds.length).toBeLessThanOrEqual(4);
      for (const m of t.moduleIds) expect(allowed.has(m)).toBe(true);
      const created = Date.parse(t.created.at);
      expect(created).toBeGreaterThanOrEqual(nowMs - 731 * 86_400_000);
      expect(created).toBeLessThanOrEqual(nowMs);
      if (t.status === 'Active') active++;
      if (t.status === 'Disabled') disabled++;
      if (t.lastAccessAt === null) neverUsed++;
      else if (Date.parse(t.lastAccessAt) < nowMs - 90 * 86_400_000) stale++;
      expect(t.revision).toBeGreaterThanOrEqual(1);
    }
    expect(active / samples.length).toBeGreaterThan(0.7);
    expect(disabled).toBeGreaterThan(0);
    expect(neverUsed).toBeGreaterThan(0);
    expect(stale).toBeGreaterThan(0);
    expect(new Set(samples.map((t) => t.name)).size).toBeGreaterThan(50);
    expect(new Set(samples.map((t) => t.id)).size).toBe(samples.length);
  });

  it('writes historic audit records (created + later event) unless auditHistory is off', () => {
    const data = generateSampleData({ seed: 2, now: NOW, tokensPerAccount: 10 });
    const first = data.tokens[1];
    const records = data.audit.filter((r) => r.object.id === first?.id);
    expect(records[0]?.event).toBe('platform.accounts.apiToken.created');
    expect(records[0]?.id).toMatch(/^AUD-\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(records[0]?.timestamp).toBe(first?.created.at);
    expect(data.audit.length).toBeGreaterThanOrEqual(data.tokens.length);
    expect(generateSampleData({ seed: 2, now: NOW, tokensPerAccount: 10, auditHistory: false }).audit).toEqual([]);
  });

  it('keepValues gives every sample token a real value whose hash is stored', () => {
    const data = generateSampleData({ seed: 3, now: NOW, tokensPerAccount: 5, keepValues: true });
    const sample = data.tokens[1];
    const value = data.values.get(sample?.id ?? '');
    expect(value).toMatch(/^idt:TKN-\d{4}-\d{4}:[A-Za-z0-9]{64}$/);
    expect(sample?.tokenHash).toBe(createHash('sha256').update(value ?? '').digest('hex'));
    expect(generateSampleData({ seed: 3, now: NOW, tokensPerAccount: 5 }).tokens[1]?.tokenHash).toBeNull();
  });

  // Speed is measured by `npm run bench` (tests/bench/sandbox.bench.ts), not asserted here.
  it('generates 100,000 tokens with audit history, every id unique', { timeout: 60_000 }, () => {
    const data = generateSampleData({ seed: 1, accounts: [{ name: 'A', type: 'Client', tokens: 100_000 }] });
    expect(data.tokens).toHaveLength(100_001);
    expect(new Set(data.tokens.map((t) => t.id)).size).toBe(100_001);
  });

  it('generateAccountSample: one account of a type with N tokens', () => {
    const data = generateAccountSample('Vendor', 40, { seed: 4, now: NOW });
    expect(data.accounts).toEqual([expect.objectContaining({ name: 'Globex Software', type: 'Vendor' })]);
    expect(data.tokens).toHaveLength(41);
    expect(generateAccountSample('Client', 3, { seed: 4, now: NOW, name: 'Acme' }).accounts[0]?.name).toBe('Acme');
  });

  it('iso() equals Date#toISOString', () => {
    for (const ms of [0, 1, 999, 86_399_999, 1_700_000_000_123, Date.parse('2024-02-29T23:59:59.999Z'), Date.parse(NOW) - 12_345_678]) {
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('module catalogue', () => {
  it('has the confirmed ids and names and the confirmed default free modules per type', () => {
    expect(MODULE_BY_ID.get('MOD-1756')?.name).toBe('Access Management');
    expect(MODULE_BY_ID.get('MOD-0478')?.name).toBe('Marketplace');
    expect(MODULE_BY_ID.get('MOD-9042')?.name).toBe('Account management');
    const defaults = (type: 'Client' | 'Vendor') =>
      MODULES.filter((m) => m.accountTypes.includes(type) && m.settings.default && !m.settings.paid)
        .map((m) => m.id)
        .sort();
    expect(defaults('Client')).toEqual(['MOD-0478', 'MOD-0622', 'MOD-1239', 'MOD-1756', 'MOD-4525', 'MOD-5842', 'MOD-6338', 'MOD-8352', 'MOD-9042']);
    expect(defaults('Vendor')).toEqual(['MOD-0478', 'MOD-1239', 'MOD-1756', 'MOD-4525', 'MOD-5842', 'MOD-8352', 'MOD-8743', 'MOD-9042']);
    expect(modulesForAccountType('Operations').length).toBeGreaterThan(0);
    for (const m of MODULES) expect(m.id).toMatch(/^MOD-\d{4}$/);
  });
});
