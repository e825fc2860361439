/**
 * Quick Access: type to find any stored token value across all connections, arrows to choose,
 * Enter to copy (main copies; the page never holds the value), Shift+Enter or "Open details" to
 * see the token, Esc to clear the search, then to close. In the desktop app it runs in a small
 * frameless window that closes after a copy (main shows the OS notification) and asks main to show
 * the details in the main window; in the browser host it stays after a copy and says what happened
 * in the page, and opens the details in its own tab.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { QuickList } from '../../../../common/quick-access';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { pathTo } from '../../shell/routes';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { markOnce } from '../../ui/timing';
import { filterQuickRows, quickRows } from './filter';
import type { QuickRow } from './filter';
import '../desktop/desktop.css';

export function QuickAccess() {
  const [list, setList] = useState<QuickList | null>(null);
  const [browser, setBrowser] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<QuickRow | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Quick Access — Token Desk';
    markOnce('quick:load-start');
    void Promise.all([desk.call('quick.list'), desk.call('settings.get')]).then(
      ([loaded, settings]) => {
        markOnce('quick:list-loaded');
        setList(loaded);
        setBrowser(!settings.secretClipboard);
      },
      (e: unknown) => setError(errorMessage(e, 'Could not read the stored token values.')),
    );
  }, []);

  // The search box has the focus whenever Quick Access comes to the front: on open (autoFocus)
  // and when the shortcut brings back a window that was already open.
  useEffect(() => {
    const focusSearch = () => inputRef.current?.focus();
    window.addEventListener('focus', focusSearch);
    return () => window.removeEventListener('focus', focusSearch);
  }, []);

  const rows = useMemo(() => filterQuickRows(list ? quickRows(list) : [], query), [list, query]);
  const selected = rows[Math.min(active, rows.length - 1)];

  useEffect(() => {
    document.getElementById(selected ? optionId(selected) : '')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const copy = async (row: QuickRow) => {
    setConfirming(null);
    try {
      const { message } = await desk.call('quick.copy', { connectionId: row.connectionId, id: row.id });
      if (!browser) window.close();
      else setNotice(message);
    } catch (e) {
      setNotice(null);
      setError(errorMessage(e, `Could not copy ${row.name}.`));
    }
    inputRef.current?.focus();
  };

  const open = async (row: QuickRow | undefined) => {
    if (!row) return;
    try {
      if (browser) {
        // This tab becomes the app: it launches on the active connection, so that is switched first.
        if (!row.active) await desk.call('connections.switch', { id: row.connectionId });
        window.location.assign(pathTo('token', { id: row.id }));
      } else {
        await desk.call('quick.open', { connectionId: row.connectionId, id: row.id });
        window.close();
      }
    } catch (e) {
      setNotice(null);
      setError(errorMessage(e, `Could not open ${row.name}.`));
      inputRef.current?.focus();
    }
  };

  const choose = (row: QuickRow | undefined) => {
    if (!row) return;
    if (row.status === 'Disabled') setConfirming(row);
    else void copy(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (rows.length === 0 ? 0 : (Math.min(i, rows.length - 1) + step + rows.length) % rows.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) void open(selected);
      else choose(selected);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else if (!browser) window.close();
    }
  };

  let lastGroup = '';
  return (
    <main className="desktop-view quick-access" aria-labelledby="quick-title">
      <h1 id="quick-title" className="quick-title">
        Quick Access
      </h1>
      <input
        ref={inputRef}
        className="quick-search"
        type="search"
        role="combobox"
        aria-label="Find a token"
        aria-expanded={rows.length > 0}
        aria-controls="quick-list"
        aria-activedescendant={selected ? optionId(selected) : undefined}
        aria-autocomplete="list"
        placeholder="Token name, id or connection"
        // Never disabled while the list loads: a disabled box cannot take the focus, and what is
        // typed early filters the list as soon as it arrives.
        autoFocus
        aria-busy={!list && !error}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {!list && !error && <p role="status">Reading stored token values…</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {list && list.groups.length === 0 && <p className="muted">No token values are stored on this computer yet. A value is stored when you add a token in Token Desk, or with “Add value” on a token’s details.</p>}
      {list && list.groups.length > 0 && rows.length === 0 && <p className="muted">No stored value matches “{query}”.</p>}
      <ul id="quick-list" role="listbox" aria-label="Stored token values" className="quick-list" hidden={rows.length === 0}>
        {rows.map((row) => {
          const header = row.connectionId !== lastGroup;
          lastGroup = row.connectionId;
          const isSelected = row === selected;
          return (
            <li
              key={row.key}
              id={optionId(row)}
              role="option"
              aria-selected={isSelected}
              className={`quick-option${isSelected ? ' selected' : ''}${header ? ' group-start' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(row)}
            >
              {header && (
                <span className="quick-group" aria-hidden="true">
                  {row.connectionName} · {row.accountType} · <span className={row.environment === 'Sandbox' ? 'badge badge-sandbox' : ''}>{row.environment}</span>
                </span>
              )}
              <span className="quick-name">{row.name}</span>
              <span className="quick-meta">
                {row.id} · {row.connectionName}
                {row.environment === 'Sandbox' ? ' (Sandbox)' : ''}
                {row.status === 'Disabled' ? ' · Disabled' : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <div role="status" aria-live="polite" className="quick-notice">
        {notice && <p className="notice notice-success">{notice}</p>}
      </div>
      {browser && <p className="muted quick-hint">A browser cannot mark the clipboard as secret: clipboard history and managers may keep this copy. The desktop app marks it.</p>}
      {/* Once the host is known, so the hint never changes under the user's eyes. */}
      {(list || error) && (
        <div className="quick-footer">
          <p className="muted quick-hint">{quickKeysHint(browser)}</p>
          <Button size="small" variant="quiet" disabled={!selected} onMouseDown={(e) => e.preventDefault()} onClick={() => void open(selected)}>
            Open details
          </Button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog title={`${confirming.name} is disabled`} confirmLabel="Copy anyway" role="alertdialog" onConfirm={() => void copy(confirming)} onCancel={() => setConfirming(null)}>
          This token is disabled: its value will not authenticate until the token is enabled again. Copy it anyway?
        </ConfirmDialog>
      )}
    </main>
  );
}

/** What the keys do, in one wording: Esc clears the search, and where Quick Access is a window of its own, a second Esc closes it. */
export function quickKeysHint(browser: boolean): string {
  return `↑ ↓ choose · Enter copy · Shift+Enter details · Esc clear${browser ? '' : ', then close'}`;
}

function optionId(row: QuickRow): string {
  return `quick-${row.connectionId}-${row.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
}
