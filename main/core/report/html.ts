/**
 * The report (common/report.ts) as one self-contained HTML page, for the desktop app's PDF
 * (main/report-pdf.ts prints it in a window that runs no script). Every text is escaped here and
 * was masked when the report was built; the page's CSP loads nothing and runs nothing, so even a
 * name written as markup stays text.
 */
import {
  findingCells,
  REPORT_FINDING_COLUMNS,
  REPORT_TITLE,
  REPORT_TOKEN_COLUMNS,
  reportSummaryLines,
  reportTime,
  tokenCells,
  findingLabel,
  type Report,
} from '../../../common/report';
import { FINDING_KINDS } from '../../../common/overview';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm 14mm; }
body { font: 9pt/1.35 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
p, ul { margin: 0 0 4pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; font-weight: 600; }
.id { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; white-space: nowrap; }
.muted { color: #555; }
`;

const cell = (text: string, isId = false) => `<td${isId ? ' class="id"' : ''}>${escapeHtml(text)}</td>`;
const head = (columns: readonly string[]) => `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;

export function reportHtml(report: Report): string {
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(REPORT_TITLE)}</h1>`);
  parts.push(`<ul class="muted">${reportSummaryLines(report).map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);

  parts.push('<h2>What needs attention</h2>');
  const counts = FINDING_KINDS.filter((k) => report.attention.counts[k] !== undefined).map((k) => `<li>${escapeHtml(`${findingLabel(k, report.staleDays)}: ${report.attention.counts[k]}`)}</li>`);
  parts.push(counts.length > 0 ? `<ul>${counts.join('')}</ul>` : '<p>No findings are counted (Settings, Overview rules).</p>');
  if (report.attention.items.length > 0) {
    const rows = report.attention.items.map((f) => `<tr>${findingCells(f, report.staleDays).map((text, i) => cell(text, i === 3)).join('')}</tr>`);
    parts.push(`<table>${head(REPORT_FINDING_COLUMNS)}<tbody>${rows.join('')}</tbody></table>`);
    if (report.attention.truncated) parts.push('<p class="muted">Some kinds have more findings than listed: the most urgent of each are shown; the counts above are whole.</p>');
  } else {
    parts.push('<p>Nothing needs attention.</p>');
  }

  for (const connection of report.connections) {
    parts.push(`<h2>Token inventory: ${escapeHtml(connection.name)}</h2>`);
    parts.push(`<p class="muted">${escapeHtml(`${connection.tokens.length} tokens; list fetched ${reportTime(connection.fetchedAt, 'never (nothing cached)')}`)}</p>`);
    if (connection.tokens.length === 0) continue;
    const rows = connection.tokens.map((t) => `<tr>${tokenCells(t).map((text, i) => cell(text, i === 1)).join('')}</tr>`);
    parts.push(`<table>${head(REPORT_TOKEN_COLUMNS)}<tbody>${rows.join('')}</tbody></table>`);
  }

  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${REPORT_TITLE} — ${report.scopeLabel}`)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...parts,
    '</body></html>',
  ].join('\n');
}
