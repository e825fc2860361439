/**
 * The account log as CSV (RFC 4180): the rows the user's filters match, newest first.
 * Never a secret: entries are masked when cached, and every cell is masked again here.
 * Safe to open in a spreadsheet: a cell that starts with = + - @ (or a tab / carriage return)
 * would be read as a formula (CSV injection), so it gets a leading apostrophe.
 */
import { actionOf, auditMatcher, type AuditEntry, type AuditFilters } from '../../../common/audit-log';
import { maskTokenValues } from '../../../common/token-value';

const HEADER = ['Time (UTC)', 'Action', 'Event', 'Summary', 'Details', 'Token ID', 'Token name', 'Actor ID', 'Actor name', 'Account ID', 'Account name'];

export function csvCell(value: string): string {
  let text = maskTokenValues(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(entries: readonly AuditEntry[], filters: AuditFilters): { csv: string; rows: number } {
  const match = auditMatcher(filters);
  const lines = [HEADER.map(csvCell).join(',')];
  for (const e of entries) {
    if (!match(e)) continue;
    lines.push([e.timestamp, actionOf(e.event), e.event, e.summary, e.details, e.token.id, e.token.name, e.actor.id, e.actor.name, e.account?.id ?? '', e.account?.name ?? ''].map(csvCell).join(','));
  }
  // CRLF per RFC 4180; a BOM so spreadsheet apps read UTF-8 names (Müller) correctly.
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}

/** `token-desk-audit-<account>-<yyyy-mm-dd>.csv`, safe on every OS. */
export function csvFileName(accountName: string, now: Date = new Date()): string {
  const slug = accountName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'account';
  return `token-desk-audit-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
