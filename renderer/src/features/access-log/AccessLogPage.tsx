/**
 * The value access log: every reveal and copy of a token value made on this computer (table,
 * details, wizard, tray, Quick Access), newest first, filterable. Never the value itself.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccessEntry } from '../../../../common/quick-access';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { AccessLogList } from './AccessLogList';
import '../desktop/desktop.css';

export function AccessLogPage() {
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [action, setAction] = useState<'' | 'copy' | 'reveal'>('');

  const load = useCallback(async () => {
    try {
      const { entries: loaded } = await desk.call('accessLog.list', { text: text.trim() || undefined, action: action || undefined, limit: 1000 });
      setEntries(loaded);
      setError(null);
    } catch (e) {
      setError(errorMessage(e, 'Could not read the access log.'));
    }
  }, [text, action]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel desktop-view" aria-labelledby="access-title">
      <h1 id="access-title">Access log</h1>
      <p className="muted">Every reveal and copy of a stored token value on this computer, newest first (the newest 5,000 are kept). Values are never written here.</p>
      <div className="access-filters">
        <div className="field">
          <label htmlFor="access-text">Search</label>
          <input id="access-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Token, id or connection" />
        </div>
        <div className="field">
          <label htmlFor="access-action">Action</label>
          <select id="access-action" value={action} onChange={(e) => setAction(e.target.value as '' | 'copy' | 'reveal')}>
            <option value="">All</option>
            <option value="copy">Copied</option>
            <option value="reveal">Revealed</option>
          </select>
        </div>
        <button type="button" className="btn btn-secondary" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!entries && !error && <p role="status">Reading the access log…</p>}
      {entries && <AccessLogList entries={entries} label="Value access log, newest first" />}
    </section>
  );
}
