/**
 * The account log's rows, virtualized by hand: every row is ROW_HEIGHT tall, so the rows in view
 * follow from the scroll offset alone. A search that changes the row count costs the rows in
 * view, never a pass over all of them (a measuring virtualizer re-lays out every row then).
 * Rows are keyed by position, so a new search updates the rendered rows in place.
 */
import { memo, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { actionOf, type AuditEntry } from '../../../../common/audit-log';
import { formatDateTime } from '../../ui/format';
import { rowCount, type AuditIndex, type RowSet } from './filter-rows';

const ROW_HEIGHT = 44;
const OVERSCAN = 3;

interface Viewport {
  top: number;
  height: number;
}

export function AuditGrid({ index, rows, multiAccount, onOpen }: { index: AuditIndex; rows: RowSet; multiAccount: boolean; onOpen: (tokenId: string) => void }) {
  const count = rowCount(index, rows);
  const total = index.entries.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<Viewport>(() => ({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight }));

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    // Re-render only when the first row in view or the height changes, not on every scrolled pixel.
    const update = () => setView((v) => (Math.floor(v.top / ROW_HEIGHT) === Math.floor(el.scrollTop / ROW_HEIGHT) && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, []);

  // A shorter list clamps the scroll offset; render the rows the clamped offset shows.
  const top = Math.max(0, Math.min(view.top, count * ROW_HEIGHT - view.height));
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const items: ReactElement[] = [];
  for (let i = first; i < last; i++) {
    const entry = index.entries[rows ? (rows[i] as number) : i] as AuditEntry;
    items.push(<AuditRow key={i} position={i} entry={entry} multiAccount={multiAccount} onOpen={onOpen} />);
  }

  const columns = multiAccount ? 'audit-cols-ops' : 'audit-cols';
  return (
    <div role="table" aria-label={`Audit log, newest first, ${count} of ${total} records`} aria-rowcount={count + 1} className={`audit-grid ${columns}`}>
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
        <div style={{ height: count * ROW_HEIGHT, position: 'relative' }}>{items}</div>
      </div>
    </div>
  );
}

const AuditRow = memo(function AuditRow({ position, entry: e, multiAccount, onOpen }: { position: number; entry: AuditEntry; multiAccount: boolean; onOpen: (tokenId: string) => void }) {
  const action = actionOf(e.event);
  return (
    <div role="row" aria-rowindex={position + 2} className="audit-row" style={{ transform: `translateY(${position * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}>
      <span role="cell" title={e.timestamp}>
        {formatDateTime(e.timestamp)}
      </span>
      <span role="cell">
        {/* The event code on hover; the row says the event once, in its details. */}
        <span className={`audit-action audit-action-${action}`} title={e.event}>
          {action}
        </span>
      </span>
      <span role="cell" className="audit-token">
        {/* A long name is cut to keep the row on one line; the whole name on hover. */}
        <button type="button" className="link" title={e.token.name} onClick={() => onOpen(e.token.id)} aria-label={`Open ${e.token.name} (${e.token.id})`}>
          {e.token.name}
        </button>
        <span className="muted">{e.token.id}</span>
      </span>
      <span role="cell" title={e.actor.id}>
        {e.actor.name}
      </span>
      {multiAccount ? <span role="cell">{e.account?.name ?? '—'}</span> : null}
      <span role="cell" className="audit-details" title={e.details}>
        {e.details || e.summary}
      </span>
    </div>
  );
});
