/**
 * The printable report's view (`/report/all`, `/report/<connection>`): the same report main puts
 * in the desktop app's PDF (common/report.ts), as a page the browser prints. Its print style
 * sheet (report.css) leaves out the app around it — top bar, navigation, toasts, the buttons —
 * and prints black on white whatever the theme. It holds no token value: main builds it without
 * one and the reply gate masks every string.
 */
import { useEffect, useState } from 'react';
import { FINDING_KINDS } from '../../../../common/overview';
import {
  findingCells,
  findingLabel,
  REPORT_FINDING_COLUMNS,
  REPORT_TITLE,
  REPORT_TOKEN_COLUMNS,
  reportSummaryLines,
  reportTime,
  tokenCells,
  type Report,
} from '../../../../common/report';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import './report.css';

function Table({ columns, rows, idColumn, caption }: { columns: readonly string[]; rows: string[][]; idColumn: number; caption: string }) {
  return (
    <table className="report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((text, i) => (
              <td key={i} className={i === idColumn ? 'report-id' : undefined}>
                {text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportBody({ report }: { report: Report }) {
  const counted = FINDING_KINDS.filter((k) => report.attention.counts[k] !== undefined);
  return (
    <div className="report" data-testid="report">
      <ul className="report-summary">
        {reportSummaryLines(report).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>What needs attention</h2>
      {counted.length > 0 ? (
        <ul>
          {counted.map((k) => (
            <li key={k}>
              {findingLabel(k, report.staleDays)}: {report.attention.counts[k]}
            </li>
          ))}
        </ul>
      ) : (
        <p>No findings are counted (Settings, Overview rules).</p>
      )}
      {report.attention.items.length > 0 ? (
        <Table caption="Findings" columns={REPORT_FINDING_COLUMNS} idColumn={3} rows={report.attention.items.map((f) => findingCells(f, report.staleDays))} />
      ) : (
        <p>Nothing needs attention.</p>
      )}
      {report.attention.truncated && <p className="muted">Some kinds have more findings than listed: the most urgent of each are shown; the counts above are whole.</p>}
      {report.connections.map((c) => (
        <section key={c.id} aria-label={`Token inventory: ${c.name}`}>
          <h2>Token inventory: {c.name}</h2>
          <p className="muted">
            {c.tokens.length} tokens; list fetched {reportTime(c.fetchedAt, 'never (nothing cached)')}
          </p>
          {c.tokens.length > 0 && <Table caption={`Tokens of ${c.name}`} columns={REPORT_TOKEN_COLUMNS} idColumn={1} rows={c.tokens.map(tokenCells)} />}
        </section>
      ))}
    </div>
  );
}

export function ReportPage({ scope }: { scope: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    desk.call('report.get', { scope }).then(
      (r) => live && setReport(r),
      (e: unknown) => live && setError(errorMessage(e, 'Could not put the report together.')),
    );
    return () => {
      live = false;
    };
  }, [scope]);

  return (
    <Page
      titleId="report-title"
      className="report-page"
      title={REPORT_TITLE}
      subtitle={report ? report.scopeLabel : undefined}
      actions={
        <Button variant="primary" disabled={!report} onClick={() => window.print()}>
          Print…
        </Button>
      }
    >
      <p className="muted report-hint">Print it, or choose “Save as PDF” as the printer. It holds no token values.</p>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {!report && !error && <p role="status">Putting the report together…</p>}
      {report && <ReportBody report={report} />}
    </Page>
  );
}

export default ReportPage;
