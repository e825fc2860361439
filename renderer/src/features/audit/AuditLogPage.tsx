/**
 * "Audit log": every API-token event of the active connection's account (for an Operations
 * account, of every account it sees), from the offline cache at once, then refreshed.
 * Virtualized; filters for event, actor, token, account and dates plus free text, all local
 * (they work offline); a row opens its token; Export CSV saves the filtered rows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { actionOf, type AuditEntry } from '../../../../common/audit-log';
import { DeskError } from '../../../../common/errors';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { useConnectionsStore } from '../../stores/connections-store';
import { useShellStore } from '../../stores/shell-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useTokensUiStore } from '../../stores/tokens-ui-store';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatDateTime } from '../../ui/format';
import { AuditFiltersBar } from './AuditFiltersBar';
import { useAuditLogStore } from './audit-log-store';
import { createRowFilter } from './filter-rows';
import { saveCsv } from './save-csv';
import './audit-log.css';

const ROW_HEIGHT = 44;

export function AuditLogPage() {
  const active = useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId));
  const { phase, entries, haystacks, meta, syncing, progress, offline, refreshError, error, filters } = useAuditLogStore();
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (active) void useAuditLogStore.getState().load(active.id);
  }, [active?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reload only when the connection changes
  useEffect(() => desk.on('audit.progress', (p) => useAuditLogStore.getState().setProgress(p)), []);

  const [filterRows] = useState(createRowFilter);
  const rows = useMemo(() => filterRows(entries, haystacks, filters), [filterRows, entries, haystacks, filters]);

  const multiAccount = active?.account.type === 'Operations';

  if (!active) {
    return (
      <section className="panel">
        <h1>Audit log</h1>
        <p>Connect to the Marketplace first: the audit log shows the events of the connected account.</p>
        <Button variant="primary" onClick={() => useShellStore.getState().setView('home')}>
          Go to Connect
        </Button>
      </section>
    );
  }

  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await desk.call('audit.exportCsv', { filters });
      saveCsv(file.fileName, file.csv);
      useShellStore.getState().pushNotice({ level: 'success', message: `Exported ${file.rows.toLocaleString()} audit records to ${file.fileName}.` });
    } catch (e) {
      useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(e, 'The audit log could not be exported.') });
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="audit-log" aria-labelledby="audit-log-title">
      <header className="audit-log-head">
        <h1 id="audit-log-title">Audit log</h1>
        <p className="muted">
          API-token events of {multiAccount ? 'every account' : active.account.name} ·{' '}
          {meta?.fetchedAt ? `updated ${formatDateTime(meta.fetchedAt)}` : 'not fetched yet'}
        </p>
        <div className="audit-log-actions">
          <Button onClick={() => void useAuditLogStore.getState().refresh()} disabled={syncing}>
            {syncing ? 'Refreshing…' : 'Refresh'}
          </Button>
          <Button onClick={() => void exportCsv()} disabled={exporting || rows.length === 0}>
            {exporting ? 'Exporting…' : `Export CSV (${rows.length.toLocaleString()})`}
          </Button>
        </div>
      </header>
      {offline ? (
        <p role="status" className="banner banner-warning">
          Offline — showing data from {meta?.fetchedAt ? formatDateTime(meta.fetchedAt) : 'an earlier session'}. Filters still work on what is saved.
        </p>
      ) : null}
      {refreshError ? (
        <p role="alert" className="banner banner-error">
          {refreshError}
        </p>
      ) : null}
      {meta?.capped ? (
        <p role="note" className="banner banner-info">
          Older records are not kept offline: this computer keeps the newest {meta.cap.toLocaleString()} records of this connection.
        </p>
      ) : null}
      {syncing && progress && progress.total > 0 ? <ProgressBar label="Loading the audit log" value={progress.loaded} max={progress.total} /> : null}
      <AuditFiltersBar entries={entries} multiAccount={multiAccount} />
      {error ? <p role="alert" className="banner banner-error">{error}</p> : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {phase === 'ready' ? `${rows.length} of ${entries.length} audit records` : ''}
      </p>
      {phase === 'loading' ? <p role="status">Loading the audit log…</p> : null}
      {phase === 'ready' && entries.length === 0 && !syncing ? <p className="muted">No audit records {offline ? 'are saved on this computer yet' : 'for this account yet'}.</p> : null}
      {phase === 'ready' && entries.length > 0 && rows.length === 0 ? (
        <p className="muted">
          No audit records match these filters.{' '}
          <button type="button" className="link" onClick={() => useAuditLogStore.getState().clearFilters()}>
            Clear filters
          </button>
        </p>
      ) : null}
      {rows.length > 0 ? <AuditGrid rows={rows} total={entries.length} multiAccount={multiAccount} /> : null}
    </section>
  );
}

function AuditGrid({ rows, total, multiAccount }: { rows: AuditEntry[]; total: number; multiAccount: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const columns = multiAccount ? 'audit-cols-ops' : 'audit-cols';
  return (
    <div role="table" aria-label={`Audit log, newest first, ${rows.length} of ${total} records`} aria-rowcount={rows.length + 1} className={`audit-grid ${columns}`}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="audit-row audit-head">
          <span role="columnheader">Time</span>
          <span role="columnheader">Event</span>
          <span role="columnheader">Token</span>
          <span role="columnheader">Actor</span>
          {multiAccount ? <span role="columnheader">Account</span> : null}
          <span role="columnheader">Details</span>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="audit-body" tabIndex={0} aria-label="Audit records">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const e = rows[item.index] as AuditEntry;
            const action = actionOf(e.event);
            return (
              <div role="row" aria-rowindex={item.index + 2} key={e.id} className="audit-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <span role="cell" title={e.timestamp}>{formatDateTime(e.timestamp)}</span>
                <span role="cell">
                  <span className={`audit-action audit-action-${action}`}>{action}</span>
                </span>
                <span role="cell" className="audit-token">
                  <button type="button" className="link" onClick={() => void openToken(e.token.id)} aria-label={`Open ${e.token.name} (${e.token.id})`}>
                    {e.token.name}
                  </button>
                  <span className="muted">{e.token.id}</span>
                </span>
                <span role="cell" title={e.actor.id}>{e.actor.name}</span>
                {multiAccount ? <span role="cell">{e.account?.name ?? '—'}</span> : null}
                <span role="cell" className="audit-details" title={e.details}>
                  {e.details || e.summary}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** Opens the token's details on its Audit trail tab, or says why it cannot. */
export async function openToken(id: string): Promise<void> {
  const known = useTokensStore.getState().tokens.some((t) => t.id === id);
  if (!known) {
    try {
      await desk.call('tokens.get', { id });
    } catch (error) {
      // Offline the token page shows the saved list: open it there rather than refuse.
      const unreachable = DeskError.is(error) && (error.code === 'offline' || error.code === 'timeout');
      if (unreachable) {
        useTokensUiStore.getState().openDetails(id, 'audit');
        useShellStore.getState().setView('home');
        return;
      }
      const gone = DeskError.is(error) && error.code === 'not_found';
      useShellStore.getState().pushNotice({ level: gone ? 'warning' : 'error', message: gone ? `The token ${id} no longer exists.` : errorMessage(error, `The token ${id} cannot be opened.`) });
      return;
    }
  }
  useTokensUiStore.getState().openDetails(id, 'audit');
  useShellStore.getState().setView('home');
}
