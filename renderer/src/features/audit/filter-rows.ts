/**
 * Filters the loaded log per keystroke. Typing usually narrows the search ("ci" → "ci p"), so
 * when only the text changed and the new text extends the old one, only the previous matches
 * are checked again instead of all 100,000 entries.
 */
import { auditMatcher, hasAuditFilters, type AuditEntry, type AuditFilters } from '../../../../common/audit-log';

interface Last {
  entries: readonly AuditEntry[];
  filters: AuditFilters;
  /** Indexes into `entries` of the matching rows. */
  matches: number[];
}

const sameExceptText = (a: AuditFilters, b: AuditFilters) =>
  a.actorId === b.actorId && a.token === b.token && a.accountId === b.accountId && a.from === b.from && a.to === b.to && a.actions.join() === b.actions.join();

export function createRowFilter() {
  let last: Last | null = null;
  return (entries: readonly AuditEntry[], haystacks: readonly string[], filters: AuditFilters): AuditEntry[] => {
    if (!hasAuditFilters(filters)) {
      last = null;
      return entries as AuditEntry[];
    }
    const match = auditMatcher(filters);
    const narrowing = last !== null && last.entries === entries && sameExceptText(last.filters, filters) && filters.text.toLowerCase().startsWith(last.filters.text.toLowerCase());
    const matches: number[] = [];
    if (narrowing) {
      for (const i of (last as Last).matches) if (match(entries[i] as AuditEntry, haystacks[i])) matches.push(i);
    } else {
      for (let i = 0; i < entries.length; i++) if (match(entries[i] as AuditEntry, haystacks[i])) matches.push(i);
    }
    last = { entries, filters, matches };
    return matches.map((i) => entries[i] as AuditEntry);
  };
}
