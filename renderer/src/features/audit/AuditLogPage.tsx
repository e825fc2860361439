/**
 * "Audit log": every API-token event of the active connection's account (for an Operations
 * account, of every account it sees), from the offline cache at once, then refreshed.
 * Virtualized; filters for event, actor, token, account and dates plus free text, all local
 * (they work offline); a row opens its token; Export CSV saves the filtered rows.
 */
import { useEffect, useMemo, useState } from 'react';
import { EMPTY_AUDIT_FILTERS } from '../../../../common/audit-log';
import { DeskError } from '../../../../common/errors';
import { isUnreachable, NOT_CONNECTED_MESSAGE } from '../../../../common/messages';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { offlineText } from '../../offline-text';
import { useConnectionsStore } from '../connections/connections-store';
import { useShellStore } from '../../shell/shell-store';
import { go } from '../../shell/router';
import { useTokensStore } from '../tokens/store/tokens-store';
import { useTokensUiStore } from '../tokens/store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';
import { formatDateTime } from '../../ui/format';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditGrid } from './AuditGrid';
import { useAuditLogStore } from './audit-log-store';
import { createRowFilter, rowCount } from './filter-rows';
import { saveCsv } from './save-csv';
import './audit-log.css';

export function AuditLogPage() {
  const active = useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId));
  const { phase, entries, index, meta, syncing, progress, offline, refreshError, error, filters } = useAuditLogStore();
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (active) void useAuditLogStore.getState().load(active.id);
  }, [active?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reload only when the connection changes
  useEffect(() => desk.on('audit.progress', (p) => useAuditLogStore.getState().setProgress(p)), []);

  const [filterRows] = useState(createRowFilter);
  const rows = useMemo(() => filterRows(index, filters), [filterRows, index, filters]);
  const count = rowCount(index, rows);
  // One throwaway search when the page is idle, so the first keystroke runs optimised code.
  useEffect(() => {
    if (index.entries.length === 0) return undefined;
    const warm = setTimeout(() => createRowFilter()(index, { ...EMPTY_AUDIT_FILTERS, text: 'e' }), 50);
    return () => clearTimeout(warm);
  }, [index]);

  const multiAccount = active?.account.type === 'Operations';

  if (!active) {
    return (
      <section className="panel">
        <h1>Audit log</h1>
        <p>{NOT_CONNECTED_MESSAGE} The audit log shows the events of the connected account.</p>
        <Button variant="primary" onClick={() => go('tokens')}>
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
          <Button onClick={() => void exportCsv()} disabled={exporting || count === 0}>
            {exporting ? 'Exporting…' : `Export CSV (${count.toLocaleString()})`}
          </Button>
        </div>
      </header>
      {offline ? (
        <p role="status" className="banner banner-warning">
          {offlineText(offline, meta?.fetchedAt ?? null, entries.length > 0)}
          {entries.length > 0 ? ' Filters still work on what is saved.' : null}
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
        {phase === 'ready' ? `${count} of ${entries.length} audit records` : ''}
      </p>
      {phase === 'loading' ? <p role="status">Loading the audit log…</p> : null}
      {/* Offline, the banner already says nothing is saved. */}
      {phase === 'ready' && entries.length === 0 && !syncing && !offline ? <p className="muted">No audit records for this account yet.</p> : null}
      {phase === 'ready' && entries.length > 0 && count === 0 ? (
        <p className="muted">
          No audit records match these filters.{' '}
          <button type="button" className="link" onClick={() => useAuditLogStore.getState().clearFilters()}>
            Clear filters
          </button>
        </p>
      ) : null}
      {count > 0 ? <AuditGrid index={index} rows={rows} multiAccount={multiAccount} onOpen={openTokenLater} /> : null}
    </section>
  );
}

const openTokenLater = (id: string) => void openToken(id);

/** Opens the token's details on its Audit trail tab, or says why it cannot. */
export async function openToken(id: string): Promise<void> {
  const known = useTokensStore.getState().tokens.some((t) => t.id === id);
  if (!known) {
    try {
      await desk.call('tokens.get', { id });
    } catch (error) {
      // Offline the token page shows the saved list: open it there rather than refuse.
      if (isUnreachable(error)) {
        useTokensUiStore.getState().openDetails(id, 'audit');
        return;
      }
      const gone = DeskError.is(error) && error.code === 'not_found';
      useShellStore.getState().pushNotice({ level: gone ? 'warning' : 'error', message: gone ? `The token ${id} no longer exists.` : errorMessage(error, `The token ${id} cannot be opened.`) });
      return;
    }
  }
  useTokensUiStore.getState().openDetails(id, 'audit');
}
