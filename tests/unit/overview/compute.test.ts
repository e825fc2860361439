import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/audit-log';
import { DAY_MS, formatIso } from '../../../common/dates';
import { lastAccessBucketOf, matchesLastAccess } from '../../../common/last-access';
import { DEFAULT_OVERVIEW_RULES, type Overview, type OverviewRules } from '../../../common/overview';
import type { RotationPlan } from '../../../common/rotation';
import type { TableToken } from '../../../common/token-table';
import { toTable } from '../../../common/token-table-write';
import { computeOverview, type ConnectionData } from '../../../main/core/overview/compute';
import { lastDays } from '../../../main/core/overview/days';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const ago = (days: number, extraMs = 0) => formatIso(NOW - days * DAY_MS - extraMs);
const AM = { id: 'MOD-1756', name: 'Access Management' };
const MKT = { id: 'MOD-0478', name: 'Marketplace' };
const CLIENT = { id: 'ACC-1111-1111', name: 'Client one', type: 'Client' };

let seq = 0;
function token(over: Partial<TableToken> & { created?: string; updated?: string } = {}): TableToken {
  seq++;
  const id = `TKN-${String(1000 + seq)}-0001`;
  const { created = ago(400), updated, ...rest } = over;
  return {
    id,
    name: `token ${seq}`,
    status: 'Active',
    lastAccessAt: ago(1),
    account: CLIENT,
    modules: [MKT],
    audit: { created: { at: created }, ...(updated ? { updated: { at: updated } } : {}) },
    ...rest,
  };
}

function conn(tokens: TableToken[], over: Partial<ConnectionData> = {}): ConnectionData {
  return { id: 'c1', name: 'One', adminTokenId: 'TKN-9999-9999', table: toTable(tokens), fetchedAt: ago(2), audit: [], auditFetchedAt: null, plans: [], ...over };
}

function run(connections: ConnectionData[], rules: OverviewRules = DEFAULT_OVERVIEW_RULES, scope = 'all', timeZone = 'UTC'): Overview {
  const gen = computeOverview({ scope, connections, rules, now: NOW, timeZone });
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}

const bar = (o: Overview, bucket: string) => o.lastAccess.find((b) => b.bucket === bucket)!;

describe('last-access spans', () => {
  it('puts each edge in the nearer span, and a future time in the first', () => {
    expect(lastAccessBucketOf(null, NOW)).toBe('never');
    expect(lastAccessBucketOf(NOW + 60_000, NOW)).toBe('week');
    expect(lastAccessBucketOf(NOW - 7 * DAY_MS, NOW)).toBe('week');
    expect(lastAccessBucketOf(NOW - 7 * DAY_MS - 1, NOW)).toBe('month');
    expect(lastAccessBucketOf(NOW - 30 * DAY_MS, NOW)).toBe('month');
    expect(lastAccessBucketOf(NOW - 30 * DAY_MS - 1, NOW)).toBe('quarter');
    expect(lastAccessBucketOf(NOW - 90 * DAY_MS, NOW)).toBe('quarter');
    expect(lastAccessBucketOf(NOW - 90 * DAY_MS - 1, NOW)).toBe('older');
    expect(matchesLastAccess('', null, NOW)).toBe(true);
    expect(matchesLastAccess('older', NOW - 91 * DAY_MS, NOW)).toBe(true);
    expect(matchesLastAccess('older', NOW - 89 * DAY_MS, NOW)).toBe(false);
  });

  it('counts every token in exactly one bar, each with the filter that shows it', () => {
    const o = run([conn([token({ lastAccessAt: null }), token({ lastAccessAt: ago(7) }), token({ lastAccessAt: ago(7, 1) }), token({ lastAccessAt: ago(30, 1) }), token({ lastAccessAt: ago(90, 1) }), token({ lastAccessAt: ago(90, 1), status: 'Disabled' })])]);
    expect(o.lastAccess.map((b) => [b.bucket, b.count])).toEqual([
      ['never', 1],
      ['week', 1],
      ['month', 1],
      ['quarter', 1],
      ['older', 2],
    ]);
    expect(bar(o, 'older').filter).toEqual({ status: 'all', lastAccess: 'older' });
    expect(bar(o, 'older').byConnection).toEqual({ c1: 2 });
    expect(o.tokens).toBe(6);
    expect(o.byStatus).toEqual({ Active: 5, Disabled: 1, Deleted: 0 });
  });
});

describe('attention rules', () => {
  it('finds unused tokens at the threshold the settings hold', () => {
    const t89 = token({ lastAccessAt: ago(89) });
    const t90 = token({ lastAccessAt: ago(90) });
    const t30 = token({ lastAccessAt: ago(30) });
    const d = token({ lastAccessAt: ago(200), status: 'Disabled', updated: ago(1) });
    const o = run([conn([t89, t90, t30, d])]);
    expect(o.attention.items.filter((i) => i.kind === 'unused').map((i) => i.tokenId)).toEqual([t90.id]);
    const strict = run([conn([t89, t90, t30, d])], { ...DEFAULT_OVERVIEW_RULES, staleDays: 30 });
    // Most urgent (the longest unused) first.
    expect(strict.attention.items.filter((i) => i.kind === 'unused').map((i) => i.tokenId)).toEqual([t90.id, t89.id, t30.id]);
    expect(strict.attention.counts.unused).toBe(3);
  });

  it('finds tokens never used after their first week', () => {
    const young = token({ lastAccessAt: null, created: ago(7) });
    const old = token({ lastAccessAt: null, created: ago(7, 1) });
    const o = run([conn([young, old])]);
    const found = o.attention.items.filter((i) => i.kind === 'neverUsed');
    expect(found.map((i) => i.tokenId)).toEqual([old.id]);
    expect(found[0]!.since).toBe(ago(7, 1));
    expect(found[0]!.steps[0]).toBe('disable');
  });

  it('finds Access Management and every-module holders, Active only', () => {
    const am = token({ modules: [AM] });
    const amDisabled = token({ modules: [AM], status: 'Disabled', updated: ago(1) });
    const defaults = ['MOD-0478', 'MOD-0622', 'MOD-1239', 'MOD-1756', 'MOD-4525', 'MOD-5842', 'MOD-6338', 'MOD-8352', 'MOD-9042'];
    const all = token({ modules: defaults.map((id) => ({ id })) });
    const o = run([conn([am, amDisabled, all])]);
    expect(o.attention.items.filter((i) => i.kind === 'accessManagement').map((i) => i.tokenId).sort()).toEqual([am.id, all.id].sort());
    expect(o.attention.items.filter((i) => i.kind === 'allModules').map((i) => i.tokenId)).toEqual([all.id]);
  });

  it('finds tokens left disabled past the threshold, offering open and delete', () => {
    const left = token({ status: 'Disabled', updated: ago(120) });
    const fresh = token({ status: 'Disabled', updated: ago(10) });
    const o = run([conn([left, fresh])]);
    const found = o.attention.items.filter((i) => i.kind === 'disabledLong');
    expect(found.map((i) => i.tokenId)).toEqual([left.id]);
    expect(found[0]!.steps).toEqual(['open', 'delete']);
  });

  it('finds a pending rotation whose old token was used after the plan was made', () => {
    const old = token({ lastAccessAt: ago(1) });
    const quiet = token({ lastAccessAt: ago(10) });
    const plan = (oldId: string, id: string, stage: RotationPlan['stage'] = 'waiting'): RotationPlan => ({
      id,
      connectionId: 'c1',
      oldId,
      newId: 'TKN-8888-8888',
      oldName: 'x',
      createdAt: ago(5),
      when: { kind: 'at', at: ago(-2) },
      action: { kind: 'disable' },
      stage,
      nextAt: null,
      attempts: 0,
      lastAccessAt: null,
      checkedAt: null,
      notified: [],
      history: [],
    });
    const o = run([conn([old, quiet], { plans: [plan(old.id, 'p1'), plan(quiet.id, 'p2')] })]);
    const found = o.attention.items.filter((i) => i.kind === 'rotationInUse');
    expect(found.map((i) => [i.tokenId, i.planId])).toEqual([[old.id, 'p1']]);
    expect(found[0]!.steps[0]).toBe('openRotation');
    const done = run([conn([old], { plans: [plan(old.id, 'p1', 'done')] })]);
    expect(done.attention.counts.rotationInUse).toBe(0);
  });

  it('never offers Disable or Delete on the connection’s own token', () => {
    const own = token({ lastAccessAt: ago(200) });
    const o = run([conn([own], { adminTokenId: own.id })]);
    expect(o.attention.items[0]!.steps).toEqual(['open', 'rotate']);
  });

  it('leaves out the kinds the settings do not count, and lists at most the limit per kind', () => {
    const many = Array.from({ length: 205 }, (_, k) => token({ lastAccessAt: ago(100 + k), modules: [AM] }));
    const o = run([conn(many)], { staleDays: 90, findings: ['unused'] });
    expect(o.attention.counts).toEqual({ unused: 205 });
    expect(o.attention.total).toBe(205);
    expect(o.attention.items).toHaveLength(200);
    expect(o.attention.truncated).toBe(true);
    expect(o.attention.items[0]!.tokenId).toBe(many[204]!.id);
  });
});

describe('scope', () => {
  it('sums every connection given, says the oldest fetch, and splits each bar per connection', () => {
    const a = conn([token(), token({ lastAccessAt: null })], { id: 'a', fetchedAt: ago(3) });
    const b = conn([token()], { id: 'b', fetchedAt: ago(1) });
    const o = run([a, b]);
    expect(o.tokens).toBe(3);
    expect(o.asOf).toBe(ago(3));
    expect(bar(o, 'week').byConnection).toEqual({ a: 1, b: 1 });
    expect(o.connections.map((c) => [c.id, c.tokens])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    const one = run([b], DEFAULT_OVERVIEW_RULES, 'b');
    expect(one.scope).toBe('b');
    expect(one.tokens).toBe(1);
    expect(one.asOf).toBe(ago(1));
  });

  it('answers for a connection with nothing cached', () => {
    const o = run([conn([], { table: null, fetchedAt: null })]);
    expect(o.tokens).toBe(0);
    expect(o.asOf).toBeNull();
    expect(o.audit.days).toHaveLength(90);
  });
});

describe('audit activity', () => {
  const entry = (id: string, timestamp: string, event: string, actor = 'USR-0000-0001'): AuditEntry => ({
    id,
    timestamp,
    event: `platform.accounts.apiToken.${event}`,
    summary: '',
    details: '',
    token: { id: 'TKN-0000-0001', name: 't' },
    actor: { id: actor, name: actor },
    account: null,
  });

  it('counts events per day and action over the last 90 days, with the busiest actors', () => {
    const audit = [
      entry('e1', formatIso(NOW - 1000), 'created', 'USR-0000-0002'),
      entry('e2', formatIso(NOW - 1000), 'disabled', 'USR-0000-0002'),
      entry('e3', ago(1), 'disabled'),
      entry('e4', formatIso(Date.UTC(2026, 2, 18, 0, 0, 0)), 'renamed', 'USR-0000-0003'),
      entry('e5', formatIso(Date.UTC(2026, 2, 17, 23, 59, 59, 999)), 'created'),
    ];
    const o = run([conn([], { audit, auditFetchedAt: ago(1) })]);
    const days = o.audit.days;
    expect(days).toHaveLength(90);
    expect(days[89]).toMatchObject({ day: '2026-06-15', total: 2, byAction: { created: 1, disabled: 1 }, from: '2026-06-15T00:00:00.000Z', to: '2026-06-15T23:59:59.999Z' });
    expect(days[88]).toMatchObject({ day: '2026-06-14', total: 1, byAction: { disabled: 1 } });
    // The first day is 89 days before today; the entry a millisecond before it is left out.
    expect(days[0]).toMatchObject({ day: '2026-03-18', total: 1, byAction: { other: 1 } });
    expect(o.audit.total).toBe(4);
    expect(o.audit.actions).toEqual(['created', 'disabled', 'other']);
    expect(o.audit.actors[0]).toEqual({ id: 'USR-0000-0002', name: 'USR-0000-0002', count: 2 });
    expect(o.audit.asOf).toBe(ago(1));
  });

  it('starts each day at midnight in the asked time zone, across a daylight-saving change', () => {
    // 2026-03-08 is the US change: New York's day starts at 05:00Z before it and 04:00Z after.
    const spans = lastDays('America/New_York', Date.UTC(2026, 2, 9, 12), 3);
    expect(spans.map((s) => [s.day, formatIso(s.start), (s.end - s.start) / 3_600_000])).toEqual([
      ['2026-03-07', '2026-03-07T05:00:00.000Z', 24],
      ['2026-03-08', '2026-03-08T05:00:00.000Z', 23],
      ['2026-03-09', '2026-03-09T04:00:00.000Z', 24],
    ]);
    const o = run([conn([])], DEFAULT_OVERVIEW_RULES, 'all', 'America/New_York');
    const byDay = new Map(o.audit.days.map((d) => [d.day, d]));
    expect(o.audit.days[89]!.day).toBe('2026-06-15');
    expect(byDay.get('2026-03-20')!.from).toBe('2026-03-20T04:00:00.000Z');
    expect(byDay.get('2026-03-20')!.to).toBe('2026-03-21T03:59:59.999Z');
    const at = Date.UTC(2026, 5, 15, 3, 30);
    const late = run([conn([], { audit: [entry('x', formatIso(at), 'enabled')] })], DEFAULT_OVERVIEW_RULES, 'all', 'America/New_York');
    expect(late.audit.days.find((d) => d.total > 0)!.day).toBe('2026-06-14');
  });
});
