/**
 * The one CSV rule for every export (the audit log in main, the access log in the page):
 * RFC 4180 quoting, CRLF lines and a BOM so spreadsheet apps read UTF-8 names (Müller)
 * correctly. Never a secret: every cell is masked. Safe to open in a spreadsheet: a cell that
 * starts with = + - @ (or a tab / carriage return) would be read as a formula (CSV injection),
 * so it gets a leading apostrophe.
 */
import { maskTokenValues } from './token-value';

export function csvCell(value: string): string {
  let text = maskTokenValues(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and rows as one CSV document. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>): { csv: string; rows: number } {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}

/** `token-desk-<kind>-<name>-<yyyy-mm-dd>.csv`, safe on every OS. */
export function csvFileName(kind: string, name: string, now: Date = new Date(), fallback = 'all'): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || fallback;
  return `token-desk-${kind}-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
