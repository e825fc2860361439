/**
 * The printable report for audits: the token inventory (name, id, status, account, who created
 * it and when, modules, last access) and the attention list (common/overview.ts), for one saved
 * connection or all. Main builds it from the offline cache (main/core/report/); the desktop app
 * prints main's HTML of it to a PDF, the browser host shows it as a print view and the browser
 * prints it. Both read the same words and dates from here.
 *
 * Never a secret: there is no field for a token value or anything derived from one (no
 * fingerprint), no description (free text where a pasted value could hide), and main masks every
 * text it puts in (token names included) with the token-value rule.
 */
import { z } from 'zod';
import { FINDING_KINDS, FINDING_LABELS, type FindingKind } from './overview';
import { TOKEN_STATUSES } from './token-table';

export const reportInputSchema = z
  .object({
    /** 'all': every saved connection; else one saved connection's id (as `overview.get`). */
    scope: z.string().min(1).max(100),
  })
  .strict();
export type ReportInput = z.input<typeof reportInputSchema>;

const count = z.number().int().nonnegative();

export const reportTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(TOKEN_STATUSES),
  /** The account the token belongs to (an Operations connection lists every account's). */
  account: z.string(),
  /** Who created it, by name when the API gave one, else by id; null: not known. */
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Module names. */
  modules: z.array(z.string()),
  lastAccessAt: z.string().nullable(),
});
export type ReportToken = z.infer<typeof reportTokenSchema>;

export const reportConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** When its token list was fetched; null: none cached (the inventory is then empty). */
  fetchedAt: z.string().nullable(),
  tokens: z.array(reportTokenSchema),
});
export type ReportConnection = z.infer<typeof reportConnectionSchema>;

export const reportFindingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  connectionName: z.string(),
  tokenId: z.string(),
  name: z.string(),
  status: z.enum(TOKEN_STATUSES),
  lastAccessAt: z.string().nullable(),
  since: z.string().nullable(),
});
export type ReportFinding = z.infer<typeof reportFindingSchema>;

export const reportSchema = z.object({
  scope: z.string(),
  /** "All connections" or the connection's name. */
  scopeLabel: z.string(),
  generatedAt: z.string(),
  /** The oldest token-list fetch in it; null when nothing is cached. */
  asOf: z.string().nullable(),
  staleDays: count,
  connections: z.array(reportConnectionSchema),
  attention: z.object({
    counts: z.partialRecord(z.enum(FINDING_KINDS), count),
    total: count,
    items: z.array(reportFindingSchema),
    /** Some kind had more findings than the Overview lists: the items are the most urgent of each. */
    truncated: z.boolean(),
  }),
});
export type Report = z.infer<typeof reportSchema>;

/** `report.savePdf`'s answer: a cancelled save dialog is no error. */
export const savedReportSchema = z.discriminatedUnion('saved', [z.object({ saved: z.literal(false) }), z.object({ saved: z.literal(true), path: z.string() })]);
export type SavedReport = z.infer<typeof savedReportSchema>;

// ---- the words both renderings use --------------------------------------------------------------

export const REPORT_TITLE = 'Token Desk report';

/** The inventory's columns, in order. */
export const REPORT_TOKEN_COLUMNS = ['Name', 'Token ID', 'Status', 'Account', 'Created by', 'Created', 'Modules', 'Last access'] as const;
export const REPORT_FINDING_COLUMNS = ['Finding', 'Connection', 'Name', 'Token ID', 'Status', 'Last access', 'Since'] as const;

/**
 * A time as an auditor reads it: the UTC date and minute, the same whoever prints it and
 * wherever (a relative "3 days ago" is wrong by the time the paper is read).
 */
export function reportTime(iso: string | null, none = '—'): string {
  if (!iso) return none;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function findingLabel(kind: FindingKind, staleDays: number): string {
  if (kind === 'unused') return `Not used for ${staleDays}+ days`;
  if (kind === 'disabledLong') return `Disabled for ${staleDays}+ days`;
  return FINDING_LABELS[kind];
}

/** One row of the inventory as the texts of its cells, in REPORT_TOKEN_COLUMNS order. */
export function tokenCells(t: ReportToken): string[] {
  return [t.name, t.id, t.status, t.account, t.createdBy ?? '—', reportTime(t.createdAt), t.modules.join(', ') || '—', reportTime(t.lastAccessAt, 'Never')];
}

/** One finding as the texts of its cells, in REPORT_FINDING_COLUMNS order. */
export function findingCells(f: ReportFinding, staleDays: number): string[] {
  return [findingLabel(f.kind, staleDays), f.connectionName, f.name, f.tokenId, f.status, reportTime(f.lastAccessAt, 'Never'), reportTime(f.since)];
}

/** The lines above the tables: scope, when, how old the data is, the totals. */
export function reportSummaryLines(r: Report): string[] {
  const tokens = r.connections.reduce((n, c) => n + c.tokens.length, 0);
  return [
    `Scope: ${r.scopeLabel}`,
    `Generated: ${reportTime(r.generatedAt)}`,
    `Data as of: ${reportTime(r.asOf, 'nothing cached yet')}`,
    `${tokens} ${tokens === 1 ? 'token' : 'tokens'} in ${r.connections.length} ${r.connections.length === 1 ? 'connection' : 'connections'}; ${r.attention.total} ${r.attention.total === 1 ? 'finding needs' : 'findings need'} attention`,
    'This report holds no token values.',
  ];
}

/** The suggested file name: scope and day, in characters every file system takes. */
export function reportFileName(r: Report): string {
  const scope = r.scopeLabel.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'report';
  return `token-desk-report-${scope}-${r.generatedAt.slice(0, 10)}.pdf`;
}
