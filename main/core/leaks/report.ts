/**
 * The leak report the user copies or saves: tokens, places, fingerprints — never a value (a
 * finding carries none, and every cell is masked again on the way out). CSV cells go through
 * the app's one safe-cell rule (audit/csv.ts: formula prefixes defused, RFC 4180 quoting).
 */
import type { LeakFinding } from '../../../common/leaks';
import { maskTokenValues } from '../../../common/token-value';
import { csvCell } from '../audit/csv';

const GROUP_LABEL: Record<LeakFinding['group'], string> = { live: 'Live', disabledOrDeleted: 'Disabled or deleted', unknown: 'Unknown' };
const HEADER = ['Group', 'Token ID', 'Token name', 'Status', 'Verified', 'Fingerprint', 'Place', 'Connection', 'Account', 'Kept by Token Desk', 'Access Management'];

function placeOf(p: LeakFinding['places'][number]): string {
  return `${p.path ?? 'pasted text'}:${p.line}`;
}

function rowsOf(f: LeakFinding): string[][] {
  const holder = f.holders[0];
  const base = [
    GROUP_LABEL[f.group],
    f.tokenId ?? '',
    f.token?.name ?? '',
    f.token?.status ?? '',
    f.verified ?? '',
    f.fingerprint,
  ];
  const tail = [
    holder ? holder.connectionName : 'not in any connected account',
    holder ? `${holder.accountName} (${holder.accountId})` : '',
    f.holders.some((h) => h.kept) ? 'yes' : 'no',
    f.token?.modules.some((m) => m.accessManagement) ? 'yes' : 'no',
  ];
  return f.places.map((p) => [...base, placeOf(p), ...tail]);
}

export function leakCsv(findings: readonly LeakFinding[]): string {
  const lines = [HEADER, ...findings.flatMap(rowsOf)].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const md = (text: string) => maskTokenValues(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function leakMarkdown(findings: readonly LeakFinding[], now: Date = new Date()): string {
  const out = [`# Leaked Marketplace token values`, '', `Checked ${now.toISOString()} with Token Desk. Values are never included: each is named by its fingerprint (token id + SHA-256 prefix of the secret).`, ''];
  for (const group of ['live', 'disabledOrDeleted', 'unknown'] as const) {
    const inGroup = findings.filter((f) => f.group === group);
    if (inGroup.length === 0) continue;
    out.push(`## ${GROUP_LABEL[group]} (${inGroup.length})`, '', `| ${HEADER.slice(1).join(' | ')} |`, `|${HEADER.slice(1).map(() => '---').join('|')}|`);
    for (const row of inGroup.flatMap(rowsOf)) out.push(`| ${row.slice(1).map(md).join(' | ')} |`);
    out.push('');
  }
  if (findings.length === 0) out.push('No token values found.', '');
  return out.join('\n');
}

export function reportFileName(format: 'markdown' | 'csv', now: Date = new Date()): string {
  return `token-desk-leaks-${now.toISOString().slice(0, 10)}.${format === 'csv' ? 'csv' : 'md'}`;
}
