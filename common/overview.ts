/**
 * The Overview's numbers: what main computes from the offline cache (main/core/overview/) and
 * what the Overview page, the weekly digest and the printable report show. Call
 * `overview.get` with `{ scope: 'all' }` or `{ scope: <connectionId> }` (any saved connection,
 * not only the active one) and an optional IANA `timeZone` for the audit chart's days; no API
 * call is made, so it answers offline, and `asOf` says how old the data is (the oldest token-list
 * fetch among the connections counted; null when nothing is cached). The reply holds: `byStatus`
 * and `connections` (counts per connection); `lastAccess`, one bar per span of
 * common/last-access.ts with the token table filter that shows exactly its tokens (status 'all'
 * plus `lastAccess`; the table is one connection at a time, so `byConnection` tells each
 * connection's share); `attention`, the findings (kinds below) the rules count, each naming its
 * connection and token and the next steps the token's state allows, with a full count per kind
 * and at most ATTENTION_ITEMS_MAX items per kind; `audit`, events per day for the last
 * AUDIT_DAYS days by action (each day with the `from`/`to` instants of the audit log's date
 * filter) and the busiest actors. The rules (staleness threshold, which findings count) are part
 * of the Settings (`settings.get` / `settings.set`, field `overviewRules`). Never a token value.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit-log';
import { DEFAULT_STALE_DAYS, LAST_ACCESS_BUCKETS, LAST_ACCESS_FILTERS } from './last-access';
import { TOKEN_STATUSES } from './token-table';

/** What needs attention, each a rule of its own (the Settings choose which count). */
export const FINDING_KINDS = [
  /** Active, not used for the staleness threshold or longer (and used at least once). */
  'unused',
  /** Active, never used, and created more than NEVER_USED_GRACE_DAYS ago. */
  'neverUsed',
  /** Active, holds Access Management: it can create tokens, so it is the key to the account. */
  'accessManagement',
  /** Active, holds every module its account type is known to offer. */
  'allModules',
  /** Disabled, and left so (no change) for the staleness threshold or longer. */
  'disabledLong',
  /** A pending rotation whose old token was used after the plan was made. */
  'rotationInUse',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  unused: 'Not used for a long time',
  neverUsed: 'Never used since it was created',
  accessManagement: 'Holds Access Management',
  allModules: 'Holds every module',
  disabledLong: 'Disabled for a long time',
  rotationInUse: 'Rotated, but the old token is still in use',
};

/** A new token gets this long to be put to use before "never used" counts. */
export const NEVER_USED_GRACE_DAYS = 7;
/** The audit chart's reach, in days (today included). */
export const AUDIT_DAYS = 90;
/** Items listed per finding kind (the count is always whole). */
export const ATTENTION_ITEMS_MAX = 200;
/** Actors listed as the busiest. */
export const BUSIEST_ACTORS_MAX = 10;
export const STALE_DAYS_MIN = 7;
export const STALE_DAYS_MAX = 730;

// ---- rules (part of the Settings) -----------------------------------------------------------

const STALE_DAYS_MESSAGE = `Enter whole days, from ${STALE_DAYS_MIN} to ${STALE_DAYS_MAX}.`;
const staleDaysSchema = z
  .number({ error: STALE_DAYS_MESSAGE })
  .int(STALE_DAYS_MESSAGE)
  .min(STALE_DAYS_MIN, STALE_DAYS_MESSAGE)
  .max(STALE_DAYS_MAX, STALE_DAYS_MESSAGE);

/** The days as the user typed them: a number, or the sentence saying what it must be. */
export function parseStaleDays(text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16: only plain digits count as what the user meant.
  const parsed = staleDaysSchema.safeParse(/^\d+$/.test(trimmed) ? Number(trimmed) : NaN);
  return parsed.success ? { value: parsed.data } : { error: STALE_DAYS_MESSAGE };
}

export const overviewRulesSchema = z
  .object({
    /** Days without use before an Active token counts as unused (and a Disabled one as left). */
    staleDays: staleDaysSchema,
    /** The findings that count; the others are not computed, listed or summed. */
    findings: z
      .array(z.enum(FINDING_KINDS))
      .max(FINDING_KINDS.length)
      .refine((list) => new Set(list).size === list.length, 'Each finding once.'),
  })
  .strict();
export type OverviewRules = z.infer<typeof overviewRulesSchema>;

export const DEFAULT_OVERVIEW_RULES: OverviewRules = { staleDays: DEFAULT_STALE_DAYS, findings: [...FINDING_KINDS] };

// ---- the call --------------------------------------------------------------------------------

const knownZones = new Set<string>();

/** Whether a text names a time zone this runtime knows (Intl throws a RangeError otherwise); each zone is tried once. */
function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    if (knownZones.size < 1000) knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

export const overviewInputSchema = z
  .object({
    /** 'all': every saved connection; else one saved connection's id. */
    scope: z.string().min(1).max(100),
    /** The audit chart's days start at midnight in this zone (the page's own); default UTC. */
    timeZone: z.string().max(64).refine(isTimeZone, 'Not a time zone.').optional(),
  })
  .strict();
export type OverviewInput = z.input<typeof overviewInputSchema>;

const count = z.number().int().nonnegative();
const statusCounts = z.object(Object.fromEntries(TOKEN_STATUSES.map((s) => [s, count])) as Record<(typeof TOKEN_STATUSES)[number], typeof count>);
export type StatusCounts = z.infer<typeof statusCounts>;

/** Next steps an attention item may offer: what the token's state allows (never Disable or Delete for a connection's own token). */
export const NEXT_STEPS = ['open', 'disable', 'rotate', 'delete', 'openRotation'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const attentionItemSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  connectionId: z.string(),
  tokenId: z.string(),
  name: z.string(),
  status: z.enum(TOKEN_STATUSES),
  lastAccessAt: z.string().nullable(),
  /** Since when the finding holds, when known: creation (never used), last change (disabled), plan made (rotation). */
  since: z.string().nullable(),
  /** The first is the one-click step. */
  steps: z.array(z.enum(NEXT_STEPS)).min(1),
  /** rotationInUse: the plan, for `openRotation` and `rotation.act`. */
  planId: z.string().optional(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** The token table's filters that show exactly a bar's tokens (a subset of the prefs' filters). */
export const tableFilterSchema = z.object({ status: z.literal('all'), lastAccess: z.enum(LAST_ACCESS_FILTERS) });
export type TableFilter = z.infer<typeof tableFilterSchema>;

export const connectionOverviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** When its token list was fetched; null: none cached. */
  fetchedAt: z.string().nullable(),
  /** When its audit log was last refreshed; null: never. */
  auditFetchedAt: z.string().nullable(),
  tokens: count,
  byStatus: statusCounts,
  /** Findings per kind on this connection. */
  attention: count,
});
export type ConnectionOverview = z.infer<typeof connectionOverviewSchema>;

export const auditDaySchema = z.object({
  /** The day in the asked time zone, YYYY-MM-DD. */
  day: z.string(),
  /** Its first and last instant (the audit log's `from` / `to` filter). */
  from: z.string(),
  to: z.string(),
  total: count,
  /** Per action (common/audit-log.ts AUDIT_ACTIONS, plus `other`); only actions that occurred. */
  byAction: z.record(z.string(), count),
});
export type AuditDay = z.infer<typeof auditDaySchema>;

export const overviewSchema = z.object({
  scope: z.string(),
  /** When the numbers were computed (the "now" of every span and threshold). */
  computedAt: z.string(),
  /** The oldest token-list fetch counted: how old the data is; null when nothing is cached. */
  asOf: z.string().nullable(),
  rules: overviewRulesSchema,
  connections: z.array(connectionOverviewSchema),
  tokens: count,
  byStatus: statusCounts,
  lastAccess: z.array(z.object({ bucket: z.enum(LAST_ACCESS_BUCKETS), count, byConnection: z.record(z.string(), count), filter: tableFilterSchema })),
  attention: z.object({
    /** Findings per kind (whole counts, whatever the item limit); kinds the rules leave out are absent. */
    counts: z.partialRecord(z.enum(FINDING_KINDS), count),
    total: count,
    items: z.array(attentionItemSchema),
    /** Some kind had more findings than ATTENTION_ITEMS_MAX: the items are the most urgent of each. */
    truncated: z.boolean(),
  }),
  audit: z.object({
    timeZone: z.string(),
    /** Oldest first, AUDIT_DAYS of them, the last being today. */
    days: z.array(auditDaySchema),
    actions: z.array(z.enum([...AUDIT_ACTIONS, 'other'])),
    total: count,
    actors: z.array(z.object({ id: z.string(), name: z.string(), count })),
    /** The oldest audit refresh counted; null when no audit log is cached. */
    asOf: z.string().nullable(),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;
