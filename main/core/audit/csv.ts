/**
 * The account log as CSV: the rows the user's filters match, newest first, written with the
 * one CSV rule (common/csv.ts: quoting, masking, formula cells defused).
 */
import { actionOf, auditMatcher, type AuditEntry, type AuditFilters } from '../../../common/audit-log';
import { csvDocument, csvFileName as fileNameOf } from '../../../common/csv';

export { csvCell } from '../../../common/csv';

const HEADER = ['Time (UTC)', 'Action', 'Event', 'Summary', 'Details', 'Token ID', 'Token name', 'Actor ID', 'Actor name', 'Account ID', 'Account name'];

export function auditCsv(entries: readonly AuditEntry[], filters: AuditFilters): { csv: string; rows: number } {
  const match = auditMatcher(filters);
  function* rows() {
    for (const e of entries) {
      if (!match(e)) continue;
      yield [e.timestamp, actionOf(e.event), e.event, e.summary, e.details, e.token.id, e.token.name, e.actor.id, e.actor.name, e.account?.id ?? '', e.account?.name ?? ''];
    }
  }
  return csvDocument(HEADER, rows());
}

/** `token-desk-audit-<account>-<yyyy-mm-dd>.csv`, safe on every OS. */
export function csvFileName(accountName: string, now: Date = new Date()): string {
  return fileNameOf('audit', accountName, now, 'account');
}
