/**
 * The audit trail as Token Desk keeps and shows it: one compact entry per API-token event,
 * and the account log's filters. Defined once here because the renderer filters the rows it
 * shows and main filters the same rows for the CSV export: both must agree on what matches.
 * The shapes (what main checks and the contract carries) are in audit-log-schemas.ts; nothing
 * here needs the schema library, so the page filters without loading it.
 */
import type { AuditEntry, AuditFilters } from './audit-log-schemas';

export type { AccountLogPage, AccountLogState, AccountSync, AuditEntry, AuditFilters, TokenTrail } from './audit-log-schemas';

/** The token events the log filters on (the last segment of `event`, §5.2). */
export const AUDIT_ACTIONS = ['created', 'updated', 'enabled', 'disabled', 'deleted'] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

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
