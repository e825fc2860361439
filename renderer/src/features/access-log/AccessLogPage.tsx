/**
 * The value access log: every reveal and copy of a token value made on this computer (table,
 * details, wizard, tray, Quick Access), newest first, filterable by text, action and dates, and
 * exported as CSV with the audit log's one CSV rule. Never the value itself.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccessEntry } from '../../../../common/quick-access';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { dayBound } from '../audit/day-range';
import { saveCsv } from '../audit/save-csv';
import { accessLogCsv } from './access-csv';
import { AccessLogList } from './AccessLogList';
import '../desktop/desktop.css';

/** The page shows this many; the export takes every kept entry the filters match. */
const SHOWN = 1000;
const KEPT = 5000;

interface Filters {
  text: string;
  action: '' | 'copy' | 'reveal';
  /** Local calendar days (yyyy-mm-dd), '' for open. */
  from: string;
  to: string;
}

function queryOf(f: Filters, limit: number) {
  const from = dayBound(f.from, false);
  const to = dayBound(f.to, true);
  return { text: f.text.trim() || undefined, action: f.action || undefined, from: from || undefined, to: to || undefined, limit };
}

export function AccessLogPage() {
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ text: '', action: '', from: '', to: '' });
  const [exporting, setExporting] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = filters.text.trim() !== '' || filters.action !== '' || filters.from !== '' || filters.to !== '';

  const load = useCallback(async () => {
    try {
      const { entries: loaded } = await desk.call('accessLog.list', queryOf(filters, SHOWN));
      setEntries(loaded);
      setError(null);
    } catch (e) {
      setError(errorMessage(e, 'Could not read the access log.'));
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { entries: all } = await desk.call('accessLog.list', queryOf(filters, KEPT));
      const file = accessLogCsv(all);
      saveCsv(file.fileName, file.csv);
      useShellStore.getState().pushNotice({ level: 'success', message: `Exported ${file.rows.toLocaleString()} ${file.rows === 1 ? 'record' : 'records'} of the access log to ${file.fileName}.` });
    } catch (e) {
      useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(e, 'The access log could not be exported.') });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Page
      titleId="access-title"
      title="Access log"
      className="desktop-view access-log"
      subtitle="Every reveal and copy of a stored token value on this computer, newest first (the newest 5,000 are kept). Values are never written here."
      actions={
        <>
          <Button onClick={() => void load()}>Refresh</Button>
          <Button onClick={() => void exportCsv()} disabled={exporting || !entries || entries.length === 0}>
            {exporting ? 'Exporting…' : 'Export CSV'}
          </Button>
        </>
      }
    >
      <div className="access-filters">
        <div className="field access-search">
          <label htmlFor="access-text">Search</label>
          <input id="access-text" type="search" value={filters.text} onChange={(e) => set({ text: e.target.value })} placeholder="Token name, id or connection" />
        </div>
        <div className="field">
          <label htmlFor="access-action">Action</label>
          <select id="access-action" value={filters.action} onChange={(e) => set({ action: e.target.value as Filters['action'] })}>
            <option value="">All</option>
            <option value="copy">Copied</option>
            <option value="reveal">Revealed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="access-from">From</label>
          <input id="access-from" type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="access-to">To</label>
          <input id="access-to" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.target.value })} />
        </div>
        {filtered ? (
          <Button variant="quiet" onClick={() => setFilters({ text: '', action: '', from: '', to: '' })}>
            Clear filters
          </Button>
        ) : null}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!entries && !error && <p role="status">Reading the access log…</p>}
      {entries && filtered && entries.length === 0 ? <p className="muted">No reveal or copy matches these filters.</p> : null}
      {entries && !(filtered && entries.length === 0) && <AccessLogList entries={entries} label="Value access log, newest first" />}
    </Page>
  );
}
