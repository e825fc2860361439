import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TokenView } from '../../../../common/contract';
import { useTokensStore } from '../../stores/tokens-store';
import { useTokensUiStore } from '../../stores/tokens-ui-store';
import { CopyButton } from '../../ui/CopyButton';
import { RelativeTime } from '../../ui/RelativeTime';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDate, formatFull } from '../../ui/format';
import type { IndexedToken, SortKey } from './filtering';
import { TokenAvatar } from './TokenAvatar';
import { useRotate } from './rotate';
import { copyValue } from './values';

export const ROW_HEIGHT = 52;

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'name', label: 'API token' },
  { key: 'modules', label: 'Modules' },
  { key: 'createdBy', label: 'Created by' },
  { key: 'createdAt', label: 'Date created' },
  { key: 'lastAccess', label: 'Last access' },
  { key: 'status', label: 'Status' },
  { key: null, label: 'Actions' },
];

export function rowDomId(id: string) {
  return `token-row-${id}`;
}

/**
 * Details → table: the table mounts anew at the top, so the row the user came from may not
 * be rendered. The table scrolls to it and focuses it once the virtualizer has drawn it.
 */
let rowToFocusOnMount: string | null = null;
export function focusRowWhenShown(id: string): void {
  rowToFocusOnMount = id;
}

/** The virtualized token grid. `rows` is the filtered + sorted list. */
export function TokenTable({ rows }: { rows: readonly IndexedToken[] }) {
  const sort = useTokensUiStore((s) => s.sort);
  const toggleSort = useTokensUiStore((s) => s.toggleSort);
  const selection = useTokensUiStore((s) => s.selection);
  const focusedId = useTokensUiStore((s) => s.focusedId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 5,
    getItemKey: (i) => rows[i]?.token.id ?? i,
  });

  useLayoutEffect(() => {
    const id = rowToFocusOnMount;
    rowToFocusOnMount = null;
    const index = id ? rows.findIndex((r) => r.token.id === id) : -1;
    if (index < 0) return;
    pendingFocus.current = id;
    virtualizer.scrollToIndex(index, { align: 'center' });
    // Once, on mount: later renders must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const focusIndex = useMemo(() => Math.max(0, focusedId ? rows.findIndex((r) => r.token.id === focusedId) : 0), [rows, focusedId]);
  const items = virtualizer.getVirtualItems();
  // The tab stop must be a rendered row: when the focused row is virtualized away (scrolled off, or
  // remembered from before the details were opened), the first rendered row takes it, else the
  // grid could not be reached with Tab at all.
  const focusRendered = items.some((item) => item.index === focusIndex);
  const tabbableId = (focusRendered ? rows[focusIndex] : rows[items[0]?.index ?? focusIndex])?.token.id ?? null;
  const allVisibleSelected = selection.size >= rows.length && rows.length > 0 && rows.every((r) => selection.has(r.token.id));
  const someVisibleSelected = selection.size > 0 && !allVisibleSelected && rows.some((r) => selection.has(r.token.id));
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = someVisibleSelected;
  }, [someVisibleSelected]);

  // Focus a row moved to by the keyboard once the virtualizer has rendered it.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const el = document.getElementById(rowDomId(id));
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const firstPainted = useRef(false);
  useEffect(() => {
    if (!firstPainted.current && items.length > 0) {
      firstPainted.current = true;
      if (typeof performance !== 'undefined' && performance.getEntriesByName('tokens:first-render').length === 0) {
        performance.mark('tokens:first-render');
      }
    }
  }, [items.length]);

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    const id = rows[i]!.token.id;
    pendingFocus.current = id;
    useTokensUiStore.getState().setFocused(id);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    const el = document.getElementById(rowDomId(id));
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const onRow = target.getAttribute('role') === 'row';
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const current = focusIndex;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
        moveTo(current - 1);
        break;
      case 'PageDown':
        moveTo(current + page);
        break;
      case 'PageUp':
        moveTo(current - page);
        break;
      case 'Home':
        if (onRow) moveTo(0);
        else handled = false;
        break;
      case 'End':
        if (onRow) moveTo(rows.length - 1);
        else handled = false;
        break;
      case 'Enter':
        if (onRow) useTokensUiStore.getState().openDetails(target.getAttribute('data-row-id') ?? tabbableId ?? '');
        else handled = false;
        break;
      case ' ':
        if (onRow) useTokensUiStore.getState().toggleSelected(target.getAttribute('data-row-id') ?? tabbableId ?? '');
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  return (
    <div
      role="grid"
      aria-label="API tokens"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length + 1}
      aria-multiselectable="true"
      className="token-grid"
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
          <div role="columnheader" aria-colindex={1} className="cell cell-check">
            <input
              ref={headerBox}
              type="checkbox"
              aria-label="Select all visible tokens"
              checked={allVisibleSelected}
              disabled={rows.length === 0}
              onChange={() => {
                const ui = useTokensUiStore.getState();
                if (allVisibleSelected) {
                  const visible = new Set(rows.map((r) => r.token.id));
                  ui.setSelection([...ui.selection].filter((id) => !visible.has(id)));
                } else ui.setSelection([...ui.selection, ...rows.map((r) => r.token.id)]);
              }}
            />
          </div>
          {COLUMNS.map((col, i) => {
            const sorted = col.key !== null && sort.key === col.key;
            return (
              <div
                key={col.label}
                role="columnheader"
                aria-colindex={i + 2}
                aria-sort={col.key === null ? undefined : sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                className={`cell cell-${i}`}
              >
                {col.key === null ? (
                  col.label
                ) : (
                  <button type="button" className="sort-button" onClick={() => toggleSort(col.key!)}>
                    {col.label}
                    <span aria-hidden="true" className="sort-arrow">
                      {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="grid-body" onKeyDown={onKeyDown}>
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = rows[item.index]!;
            const id = entry.token.id;
            return (
              <TokenRow
                key={id}
                token={entry.token}
                index={item.index}
                top={item.start}
                selected={selection.has(id)}
                tabbable={id === tabbableId}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  token: TokenView;
  index: number;
  top: number;
  selected: boolean;
  tabbable: boolean;
}

const TokenRow = memo(function TokenRow({ token, index, top, selected, tabbable }: RowProps) {
  const tab = tabbable ? 0 : -1;
  const created = token.audit?.created;
  const moduleText = token.modules.length === 1 ? (token.modules[0]!.name ?? token.modules[0]!.id) : `${token.modules.length} modules`;
  return (
    <div
      role="row"
      id={rowDomId(token.id)}
      data-row-id={token.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tab}
      className={selected ? 'grid-row token-row selected' : 'grid-row token-row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onFocus={(e) => {
        if (e.target === e.currentTarget && useTokensUiStore.getState().focusedId !== token.id) {
          useTokensUiStore.getState().setFocused(token.id);
        }
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget || (e.target as HTMLElement).closest('button,input') === null) {
          useTokensUiStore.getState().setFocused(token.id);
        }
      }}
      onDoubleClick={() => useTokensUiStore.getState().openDetails(token.id)}
    >
      <div role="gridcell" aria-colindex={1} className="cell cell-check">
        <input
          type="checkbox"
          tabIndex={tab}
          aria-label={`Select ${token.name}`}
          checked={selected}
          onChange={() => useTokensUiStore.getState().toggleSelected(token.id)}
        />
      </div>
      <div role="gridcell" aria-colindex={2} className="cell cell-0 cell-token">
        <TokenAvatar token={token} />
        <span className="token-name-block">
          <button type="button" className="token-name link" tabIndex={tab} onClick={() => useTokensUiStore.getState().openDetails(token.id)}>
            {token.name}
          </button>
          <span className="token-id muted">{token.id}</span>
        </span>
      </div>
      <div role="gridcell" aria-colindex={3} className="cell cell-1" title={token.modules.map((m) => m.name ?? m.id).join(', ')}>
        {moduleText}
      </div>
      <div role="gridcell" aria-colindex={4} className="cell cell-2">
        <span className="two-line">
          <span>{created?.by?.name ?? '—'}</span>
          <span className="muted">{created?.by?.id ?? ''}</span>
        </span>
      </div>
      <div role="gridcell" aria-colindex={5} className="cell cell-3" title={formatFull(created?.at)}>
        {formatDate(created?.at)}
      </div>
      <div role="gridcell" aria-colindex={6} className="cell cell-4">
        <RelativeTime iso={token.lastAccessAt} />
      </div>
      <div role="gridcell" aria-colindex={7} className="cell cell-5">
        <StatusBadge status={token.status} />
      </div>
      <div role="gridcell" aria-colindex={8} className="cell cell-6 cell-actions">
        <TokenActions token={token} tabIndex={tab} compact />
      </div>
    </div>
  );
});

/** The lifecycle actions a token's state allows (table rows and the details header). */
export function TokenActions({ token, tabIndex, compact }: { token: TokenView; tabIndex?: number; compact?: boolean }) {
  const rotate = useRotate();
  const size = compact ? 'small' : 'normal';
  const cls = size === 'small' ? 'btn btn-small' : 'btn';
  const open = (kind: 'edit' | 'delete') => useTokensUiStore.getState().openDialog({ kind, tokenId: token.id });
  return (
    <span className="actions">
      {token.status === 'Disabled' ? (
        <button type="button" className={cls} tabIndex={tabIndex} aria-label={`Enable ${token.name}`} onClick={() => void useTokensStore.getState().setEnabled(token.id, true)}>
          Enable
        </button>
      ) : null}
      {token.status === 'Active' ? (
        <button type="button" className={cls} tabIndex={tabIndex} aria-label={`Disable ${token.name}`} onClick={() => void useTokensStore.getState().setEnabled(token.id, false)}>
          Disable
        </button>
      ) : null}
      <button type="button" className={cls} tabIndex={tabIndex} aria-label={`Edit ${token.name}`} onClick={() => open('edit')}>
        Edit
      </button>
      {token.status !== 'Deleted' ? (
        <button type="button" className={cls} tabIndex={tabIndex} aria-label={`Rotate ${token.name}`} onClick={() => rotate(token)}>
          Rotate
        </button>
      ) : null}
      {token.hasValue ? <CopyValue id={token.id} name={token.name} tabIndex={tabIndex} size={size} /> : null}
      <button type="button" className={`${cls} btn-danger-outline`} tabIndex={tabIndex} aria-label={`Delete ${token.name}`} onClick={() => open('delete')}>
        Delete
      </button>
    </span>
  );
}

function CopyValue({ id, name, size, tabIndex }: { id: string; name: string; tabIndex?: number; size: 'small' | 'normal' }) {
  return <CopyButton label={`Copy value of ${name}`} onCopy={() => copyValue(id)} size={size} tabIndex={tabIndex} />;
}
