import { useTokensStore } from './store/tokens-store';
import { bulkItemText, bulkSummary } from './bulk-runner';
import type { BulkItemOutcome } from './bulk-runner';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';

const ING = { enable: 'Enabling', disable: 'Disabling', delete: 'Deleting' } as const;
/** A mark per outcome beside its words (never colour alone). */
const MARK: Record<BulkItemOutcome, string> = { changed: '✓', unchanged: '=', skipped: '–', failed: '✗' };

/** Progress and the per-token result of the last bulk action. */
export function BulkResults() {
  const bulk = useTokensStore((s) => s.bulk);
  if (!bulk) return null;
  const title = bulk.running ? `${ING[bulk.action]} ${bulk.total} tokens…` : bulkSummary(bulk.action, bulk.total, bulk.results);
  return (
    <section className="bulk-results" aria-label="Bulk action results">
      <div className="bulk-results-head">
        <strong role="status" aria-live="polite">
          {title}
        </strong>
        {!bulk.running ? (
          <Button size="small" variant="ghost" onClick={() => useTokensStore.getState().closeBulk()}>
            Close
          </Button>
        ) : null}
      </div>
      <ProgressBar label="Bulk action progress" value={bulk.done} max={bulk.total} />
      {bulk.error ? (
        <p className="error-text" role="alert">
          {bulk.error}
        </p>
      ) : null}
      {bulk.results.length > 0 ? (
        <ul className="bulk-list" aria-label="Result per token">
          {bulk.results.map((r) => (
            <li key={r.id} className={r.outcome}>
              <span aria-hidden="true">{MARK[r.outcome]}</span> {r.name} <span className="muted">{r.id}</span> — {bulkItemText(bulk.action, r)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
