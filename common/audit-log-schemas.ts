/**
 * The audit trail's shapes (audit-log.ts has the rules both sides filter by): one compact entry
 * per API-token event, the account log's filters, and what the audit channels answer.
 */
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit-log';
import { offlineStateSchema } from './error-data';
import { accountIdSchema } from './ids';
import { plainText } from './plain-text';

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

// What the audit channels answer (common/contract.ts names the channels).

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
