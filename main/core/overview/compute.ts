/**
 * The Overview's numbers (common/overview.ts), computed from what the offline cache holds: the
 * token tables read column by column (no token objects are built), the cached audit entries and
 * the rotation plans. Pure: the time, the rules and the data come in, the reply goes out.
 *
 * A generator, so the caller can let main's event loop run between slices of rows (service.ts):
 * at 100,000 tokens one pass is short, but main also answers every other call meanwhile.
 */
import { actionOf, AUDIT_ACTIONS, type AuditEntry } from '../../../common/audit-log';
import { DAY_MS, formatIso, parseIso } from '../../../common/dates';
import { isStale, LAST_ACCESS_BUCKETS, lastAccessBucketIndex, type LastAccessBucket } from '../../../common/last-access';
import { isOwnToken } from '../../../common/own-token';
import {
  ATTENTION_ITEMS_MAX,
  AUDIT_DAYS,
  BUSIEST_ACTORS_MAX,
  NEVER_USED_GRACE_DAYS,
  type AttentionItem,
  type ConnectionOverview,
  type FindingKind,
  type NextStep,
  type Overview,
  type OverviewRules,
  type StatusCounts,
} from '../../../common/overview';
import { isPending, type RotationPlan } from '../../../common/rotation';
import { stampMs, TOKEN_STATUSES, type TokenTable } from '../../../common/token-table';
import { lastDays } from './days';
import { moduleFacts } from './modules';

/** One connection's cached data, as the service gathered it. */
export interface ConnectionData {
  id: string;
  name: string;
  /** The token the connection signs in with (never offered a Disable or Delete). */
  adminTokenId: string;
  table: TokenTable | null;
  fetchedAt: string | null;
  /** Newest first (the audit cache's order). */
  audit: readonly AuditEntry[];
  auditFetchedAt: string | null;
  plans: readonly RotationPlan[];
}

export interface OverviewJob {
  scope: string;
  connections: readonly ConnectionData[];
  rules: OverviewRules;
  now: number;
  timeZone: string;
}

/** Rows (or audit entries) between two chances for the caller to yield. */
export const SLICE = 5_000;

const ACTIVE = TOKEN_STATUSES.indexOf('Active');
const DISABLED = TOKEN_STATUSES.indexOf('Disabled');

/**
 * The positions of the `limit` smallest keys, smallest first (ties by row). A finding may hold
 * tens of thousands of tokens and only the first few hundred are listed: the cut-off is found
 * with a numeric sort of a typed copy (no comparator), and only the rows under it are ordered.
 */
export function mostUrgent(keys: readonly number[], rows: readonly number[], limit: number): number[] {
  let cut = Number.POSITIVE_INFINITY;
  if (keys.length > limit) cut = Float64Array.from(keys).sort()[limit - 1]!;
  // Under the cut-off all are kept; at it, the first rows (candidates come in row order) fill up.
  const under: number[] = [];
  const at: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    if (keys[k]! < cut) under.push(k);
    else if (keys[k] === cut && at.length < limit) at.push(k);
  }
  under.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : rows[a]! - rows[b]!));
  return [...under, ...at].slice(0, limit);
}

/** A finding's candidates: rows and the key that orders them (smaller = more urgent). */
interface Candidates {
  count: number;
  rows: number[];
  keys: number[];
}

const emptyStatus = (): StatusCounts => ({ Active: 0, Disabled: 0, Deleted: 0 });

/** The steps a finding offers on a token, the one-click step first; never Disable or Delete on the connection's own token. */
export function stepsFor(kind: FindingKind, status: string, own: boolean): NextStep[] {
  if (kind === 'rotationInUse') return ['openRotation', 'open'];
  if (status === 'Disabled') return own ? ['open'] : ['open', 'delete'];
  if (kind === 'unused' || kind === 'neverUsed') return own ? ['open', 'rotate'] : ['disable', 'open', 'rotate'];
  return own ? ['open', 'rotate'] : ['open', 'disable', 'rotate'];
}

export function* computeOverview(job: OverviewJob): Generator<void, Overview> {
  const { rules, now } = job;
  const counted = new Set(rules.findings);
  const staleMs = rules.staleDays * DAY_MS;
  const byStatus = emptyStatus();
  const buckets = new Map<LastAccessBucket, { count: number; byConnection: Record<string, number> }>(LAST_ACCESS_BUCKETS.map((b) => [b, { count: 0, byConnection: {} }]));
  const connections: ConnectionOverview[] = [];
  const items: AttentionItem[] = [];
  const counts: Partial<Record<FindingKind, number>> = {};
  for (const kind of rules.findings) counts[kind] = 0;
  let truncated = false;
  let tokens = 0;
  let asOf: string | null = null;

  const want = (kind: FindingKind) => counted.has(kind);
  const [wantUnused, wantNever, wantAm, wantAll, wantDisabled, wantRotation] = (['unused', 'neverUsed', 'accessManagement', 'allModules', 'disabledLong', 'rotationInUse'] as const).map(want);
  const neverGraceMs = NEVER_USED_GRACE_DAYS * DAY_MS;

  for (const c of job.connections) {
    const conn: ConnectionOverview = { id: c.id, name: c.name, fetchedAt: c.fetchedAt, auditFetchedAt: c.auditFetchedAt, tokens: 0, byStatus: emptyStatus(), attention: 0 };
    connections.push(conn);
    if (c.fetchedAt && (asOf === null || c.fetchedAt < asOf)) asOf = c.fetchedAt;
    const t = c.table;
    const found = new Map<FindingKind, Candidates>();
    const add = (kind: FindingKind, row: number, key: number) => {
      let list = found.get(kind);
      if (!list) found.set(kind, (list = { count: 0, rows: [], keys: [] }));
      list.count++;
      list.rows.push(row);
      list.keys.push(key);
    };
    const n = t ? t.id.length : 0;
    // Counted in typed arrays: the loop touches no object per row.
    const statusCount = new Int32Array(TOKEN_STATUSES.length);
    const bucketCount = new Int32Array(LAST_ACCESS_BUCKETS.length);
    if (t) {
      const mods = wantAm || wantAll ? yield* moduleFacts(t, SLICE) : null;
      const plansByOld = new Map<string, RotationPlan>();
      if (wantRotation) for (const p of c.plans) if (isPending(p.stage) && p.stage !== 'acting' && p.stage !== 'disabled') plansByOld.set(p.oldId, p);
      const lastCol = t.lastAccessAt;
      for (let i = 0; i < n; i++) {
        if (i > 0 && i % SLICE === 0) yield;
        const status = t.status[i]!;
        statusCount[status]!++;
        const stamp = lastCol[i];
        const last = typeof stamp === 'number' ? stamp : stampMs(stamp);
        bucketCount[lastAccessBucketIndex(last, now)]!++;
        if (status === ACTIVE) {
          // Urgency: the longest unused first (never used the most urgent of all).
          if (last !== null) {
            if (wantUnused && isStale(last, now, rules.staleDays)) add('unused', i, last);
          } else if (wantNever) {
            const created = stampMs(t.createdAt[i]);
            if (created !== null && now - created > neverGraceMs) add('neverUsed', i, created);
          }
          if (mods) {
            if (wantAm && mods.hasAccessManagement(i)) add('accessManagement', i, last ?? Number.NEGATIVE_INFINITY);
            if (wantAll && mods.hasEveryModule(i)) add('allModules', i, last ?? Number.NEGATIVE_INFINITY);
          }
        } else if (status === DISABLED && wantDisabled) {
          const since = stampMs(t.updatedAt[i]) ?? stampMs(t.createdAt[i]);
          if (since !== null && now - since >= staleMs) add('disabledLong', i, since);
        }
        if (plansByOld.size > 0) {
          const plan = plansByOld.get(t.id[i]!);
          if (plan) {
            const made = parseIso(plan.createdAt);
            const used = Math.max(last ?? Number.NEGATIVE_INFINITY, parseIso(plan.lastAccessAt) ?? Number.NEGATIVE_INFINITY);
            if (made !== null && used > made) add('rotationInUse', i, made);
          }
        }
      }
    }
    conn.tokens = n;
    tokens += n;
    TOKEN_STATUSES.forEach((s, k) => {
      conn.byStatus[s] = statusCount[k]!;
      byStatus[s] += statusCount[k]!;
    });
    LAST_ACCESS_BUCKETS.forEach((b, k) => {
      const bar = buckets.get(b)!;
      bar.count += bucketCount[k]!;
      bar.byConnection[c.id] = bucketCount[k]!;
    });
    for (const [kind, list] of found) {
      counts[kind] = (counts[kind] ?? 0) + list.count;
      conn.attention += list.count;
      if (list.count > ATTENTION_ITEMS_MAX) truncated = true;
      for (const k of mostUrgent(list.keys, list.rows, ATTENTION_ITEMS_MAX)) items.push(itemOf(kind, c, t!, list.rows[k]!, list.keys[k]!));
      yield;
    }
  }

  // Across connections the most urgent of each kind stay, the same limit per kind.
  const kept = keepMostUrgent(items, rules.findings);
  if (kept.length < items.length) truncated = true;
  const audit = yield* auditActivity(job);
  return {
    scope: job.scope,
    computedAt: formatIso(now),
    asOf,
    rules,
    connections,
    tokens,
    byStatus,
    lastAccess: LAST_ACCESS_BUCKETS.map((bucket) => ({ bucket, ...buckets.get(bucket)!, filter: { status: 'all' as const, lastAccess: bucket } })),
    attention: { counts, total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0), items: kept, truncated },
    audit,
  };
}

/** The urgency an item was ranked by, kept beside it until the lists of all connections are merged. */
const urgency = new WeakMap<AttentionItem, number>();

function itemOf(kind: FindingKind, c: ConnectionData, t: TokenTable, row: number, key: number): AttentionItem {
  const id = t.id[row]!;
  const status = TOKEN_STATUSES[t.status[row]!] ?? 'Active';
  const lastMs = stampMs(t.lastAccessAt[row]);
  const item: AttentionItem = {
    kind,
    connectionId: c.id,
    tokenId: id,
    name: t.texts[t.name[row]!] ?? id,
    status,
    lastAccessAt: lastMs === null ? null : formatIso(lastMs),
    since: null,
    steps: stepsFor(kind, status, isOwnToken(id, c)),
  };
  if (kind === 'neverUsed' || kind === 'disabledLong') item.since = formatIso(key);
  if (kind === 'rotationInUse') {
    const plan = c.plans.find((p) => p.oldId === id && isPending(p.stage));
    if (plan) {
      item.planId = plan.id;
      item.since = plan.createdAt;
    }
  }
  urgency.set(item, key);
  return item;
}

function keepMostUrgent(items: AttentionItem[], kinds: readonly FindingKind[]): AttentionItem[] {
  const out: AttentionItem[] = [];
  for (const kind of kinds) {
    const mine = items.filter((i) => i.kind === kind);
    mine.sort((a, b) => urgency.get(a)! - urgency.get(b)!);
    out.push(...mine.slice(0, ATTENTION_ITEMS_MAX));
  }
  return out;
}

function* auditActivity(job: OverviewJob): Generator<void, Overview['audit']> {
  const spans = lastDays(job.timeZone, job.now, AUDIT_DAYS);
  const days = spans.map((s) => ({ day: s.day, from: formatIso(s.start), to: formatIso(s.end - 1), total: 0, byAction: {} as Record<string, number> }));
  const actions = [...AUDIT_ACTIONS, 'other' as const];
  // Per day and action, by position: the loop builds no object per entry.
  const perDay = new Int32Array(days.length * actions.length);
  const actionIndex = new Map<string, number>();
  const actors = new Map<string, { id: string; name: string; count: number }>();
  let total = 0;
  let asOf: string | null = null;
  for (const c of job.connections) {
    if (c.auditFetchedAt && (asOf === null || c.auditFetchedAt < asOf)) asOf = c.auditFetchedAt;
    // Entries come newest first with normalised timestamps (string order is time order): walk the
    // days back from today as the entries get older, comparing texts, and stop before the first day.
    let d = days.length - 1;
    for (let k = 0; k < c.audit.length; k++) {
      if (k > 0 && k % SLICE === 0) yield;
      const e = c.audit[k]!;
      const ts = e.timestamp;
      if (ts > days[days.length - 1]!.to) continue;
      while (d >= 0 && ts < days[d]!.from) d--;
      if (d < 0) break;
      let a = actionIndex.get(e.event);
      if (a === undefined) {
        const name = actionOf(e.event);
        a = (AUDIT_ACTIONS as readonly string[]).includes(name) ? actions.indexOf(name as (typeof actions)[number]) : actions.length - 1;
        actionIndex.set(e.event, a);
      }
      perDay[d * actions.length + a]!++;
      total++;
      const actor = actors.get(e.actor.id);
      if (actor) actor.count++;
      else actors.set(e.actor.id, { id: e.actor.id, name: e.actor.name, count: 1 });
    }
  }
  const seen = new Set<number>();
  days.forEach((day, d) => {
    actions.forEach((action, a) => {
      const n = perDay[d * actions.length + a]!;
      if (n === 0) return;
      day.byAction[action] = n;
      day.total += n;
      seen.add(a);
    });
  });
  const busiest = [...actors.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, BUSIEST_ACTORS_MAX);
  return { timeZone: job.timeZone, days, actions: actions.filter((_, a) => seen.has(a)), total, actors: busiest, asOf };
}
