/**
 * The audit trail as Token Desk keeps and shows it: one compact entry per API-token event,
 * and the account log's filters. Defined once here because the renderer filters the rows it
 * shows and main filters the same rows for the CSV export: both must agree on what matches.
 */
import { z } from 'zod';
import { offlineStateSchema } from './error-data';
import { accountIdSchema } from './ids';
import { plainText } from './plain-text';

/** The token events the log filters on (the last segment of `event`, §5.2). */
export const AUDIT_ACTIONS = ['created', 'updated', 'enabled', 'disabled', 'deleted'] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

const ref = z.object({ id: z.string(), name: z.string() });

/** One audit record, reduced to what the views, the filters and the export use. */
export const auditEntrySchema = z.object({
  id: z.string(),
  /** ISO-8601 UTC with milliseconds (normalised), so string order is time order. */
  timestamp: z.string(),
  event: z.string(),
  summary: z.string(),
  details: z.string(),
  /** The API token the event is about. */
  token: ref,
  actor: ref,
  /** The account that owns the token (what an Operations account's log shows per row). */
  account: ref.nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `platform.accounts.apiToken.disabled` → `disabled`. */
export function actionOf(event: string): string {
  const dot = event.lastIndexOf('.');
  return dot === -1 ? event : event.slice(dot + 1);
}

/** Newest first; ties (same millisecond) by id, so every list of entries has one order. */
export function compareEntries(a: Pick<AuditEntry, 'timestamp' | 'id'>, b: Pick<AuditEntry, 'timestamp' | 'id'>): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Who can act in the audit log (marketplace-api.md): a user, a token, or the platform itself. */
const PLATFORM_ID = /^(?:(?:USR|TKN)-\d{4}-\d{4}|system)$/;

/** Malformed filters are refused (common/plain-text.ts, ids), not run as searches that cannot match. */
export const auditFiltersSchema = z
  .object({
    /** Free text: every word must appear in the token, actor, account, event, summary or details. */
    text: plainText(z.string().max(500)).default(''),
    /** Empty = every action. */
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).default([]),
    actorId: z.union([z.literal(''), z.string().regex(PLATFORM_ID, 'Not a user or token id.')]).default(''),
    /** Token name or id (contains, case-insensitive). */
    token: plainText(z.string().max(200)).default(''),
    accountId: z.union([z.literal(''), accountIdSchema]).default(''),
    /** Inclusive ISO instants; '' = open. The renderer turns the user's local dates into these. */
    from: z.union([z.literal(''), z.iso.datetime({ offset: true })]).default(''),
    to: z.union([z.literal(''), z.iso.datetime({ offset: true })]).default(''),
  })
  .strict();
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const EMPTY_AUDIT_FILTERS: AuditFilters = { text: '', actions: [], actorId: '', token: '', accountId: '', from: '', to: '' };

export function hasAuditFilters(f: AuditFilters): boolean {
  return f.text.trim() !== '' || f.actions.length > 0 || f.actorId !== '' || f.token.trim() !== '' || f.accountId !== '' || f.from !== '' || f.to !== '';
}

/** The fields the free-text search looks in: token, actor, account (names and ids), event, summary, details. */
export function searchFieldsOf(e: AuditEntry): string[] {
  const fields = [e.token.name, e.token.id, e.actor.name, e.actor.id, e.event, e.summary, e.details];
  if (e.account) fields.push(e.account.name, e.account.id);
  return fields;
}

/**
 * The lower-case text the free-text search looks in (callers may cache it per entry): the fields
 * joined by spaces. A search word holds no white space, so it is in this text exactly when it is
 * in one of the lower-cased fields; the renderer's index (features/audit/filter-rows.ts) relies on that.
 */
export function searchTextOf(e: AuditEntry): string {
  return searchFieldsOf(e).join(' ').toLowerCase();
}

/** The free-text search's words: lower-case, split on white space (so a word never spans two fields). */
export function searchWordsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The filters other than the free text as one predicate; null when none is set (every entry passes). */
export function auditFieldMatcher(f: AuditFilters): ((entry: AuditEntry) => boolean) | null {
  const actions = f.actions.length > 0 ? new Set<string>(f.actions) : null;
  const token = f.token.trim().toLowerCase();
  const { actorId, accountId, from, to } = f;
  if (!actions && !actorId && !accountId && !from && !to && !token) return null;
  return (e) => {
    if (actions && !actions.has(actionOf(e.event))) return false;
    if (actorId && e.actor.id !== actorId) return false;
    if (accountId && e.account?.id !== accountId) return false;
    if (from && e.timestamp < from) return false;
    if (to && e.timestamp > to) return false;
    if (token && !e.token.id.toLowerCase().includes(token) && !e.token.name.toLowerCase().includes(token)) return false;
    return true;
  };
}

/**
 * A predicate for the filters: the field filters, then every search word in `searchTextOf`.
 * `haystack` lets a caller pass a cached `searchTextOf(entry)`. The renderer's indexed search
 * (features/audit/filter-rows.ts) is built from the same three pieces, so both agree.
 */
export function auditMatcher(f: AuditFilters): (entry: AuditEntry, haystack?: string) => boolean {
  const fields = auditFieldMatcher(f);
  const words = searchWordsOf(f.text);
  return (e, haystack) => {
    if (fields && !fields(e)) return false;
    if (words.length === 0) return true;
    const text = haystack ?? searchTextOf(e);
    return words.every((w) => text.includes(w));
  };
}

// ---- what the audit channels answer (common/contract.ts names the channels) --------------------

/** A page of one token's trail (the details' Audit trail tab), newest first. */
export const tokenTrailSchema = z.object({
  items: z.array(auditEntrySchema),
  offset: z.number().int(),
  /** More (older) entries exist: in the cache beyond this page, or on the API. */
  hasMore: z.boolean(),
  /** The token's whole trail is in the offline cache. */
  complete: z.boolean(),
  /** When this trail was last refreshed from the API. */
  fetchedAt: z.string().nullable(),
  /** Set when the API could not be reached: the page comes from the cache. */
  offline: offlineStateSchema.optional(),
  /** Set when the API answered but the refresh failed (e.g. a malformed page): cached data is shown. */
  refreshError: z.string().optional(),
});
export type TokenTrail = z.infer<typeof tokenTrailSchema>;

/** What the account log knows about its cached data. */
export const accountLogStateSchema = z.object({
  /** Entries in the cache. */
  total: z.number().int(),
  fetchedAt: z.string().nullable(),
  /** The whole log (within the cap) has been fetched at least once. */
  complete: z.boolean(),
  /** The account has more records than the cap: the oldest are not kept offline. */
  capped: z.boolean(),
  cap: z.number().int(),
});
export type AccountLogState = z.infer<typeof accountLogStateSchema>;

export const accountLogPageSchema = accountLogStateSchema.extend({ items: z.array(auditEntrySchema), offset: z.number().int() });
export type AccountLogPage = z.infer<typeof accountLogPageSchema>;

export const accountSyncSchema = accountLogStateSchema.extend({
  /** New entries this refresh added to the cache. */
  added: z.number().int(),
  offline: offlineStateSchema.optional(),
  refreshError: z.string().optional(),
});
export type AccountSync = z.infer<typeof accountSyncSchema>;

export const auditCsvSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });
