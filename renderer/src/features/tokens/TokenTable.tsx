/**
 * The virtualized token grid. `rows` is the filtered + sorted list. Its columns follow the
 * grid's width (grid/columns.ts): at narrow widths low-priority columns give way, so every
 * row's actions (Copy value and the "⋯" menu) stay reachable without scrolling sideways.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTokensUiStore } from './store/tokens-ui-store';
import type { IndexedToken } from './token-index';
import { layoutFor, TOTAL_COLUMNS } from './grid/columns';
import type { GridLayout } from './grid/columns';
import { TokenRow } from './grid/TokenRow';
import { useContentWidth } from './grid/use-content-width';
import { ROW_HEIGHT, useGridKeyboard } from './grid/use-grid-keyboard';
import { markOnce } from '../../ui/timing';
import { useOwnTokenId } from './own-token';
import { useFocusFollowsToken } from './grid/use-focus-follows-token';

/** `capacity`: the length of the whole (unfiltered) list; `rows` is never longer. */
export function TokenTable({ rows, capacity = rows.length }: { rows: readonly IndexedToken[]; capacity?: number }) {
  const selection = useTokensUiStore((s) => s.selection);
  const focusedId = useTokensUiStore((s) => s.focusedId);
  const ownId = useOwnTokenId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useContentWidth(scrollRef);
  const layout = layoutFor(width);

  // Rows have one fixed height, so a row's place depends on its index only: the virtualizer is
  // sized for the whole list and the filtered rows use its first `rows.length` places. Sized by
  // the filtered count it would rebuild a position for every row on every keystroke; the
  // scroll height and the rows drawn follow `rows.length` below.
  const virtualizer = useVirtualizer({
    count: Math.max(capacity, rows.length),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
    // No getItemKey: rows are fixed-height and keyed where they render (below), and a key per
    // row would make the virtualizer rebuild 100,000 measurements on every sort.
  });

  const focusIndex = useMemo(() => Math.max(0, focusedId ? rows.findIndex((r) => r.id === focusedId) : 0), [rows, focusedId]);
  const items = virtualizer.getVirtualItems().filter((item) => item.index < rows.length);
  // The tab stop must be a rendered row: when the focused row is virtualized away (scrolled off, or
  // remembered from before the details were opened), the first rendered row takes it, else the
  // grid could not be reached with Tab at all.
  const focusRendered = items.some((item) => item.index === focusIndex);
  const tabbableId = (focusRendered ? rows[focusIndex] : rows[items[0]?.index ?? focusIndex])?.id ?? null;
  const onKeyDown = useGridKeyboard({ rows, virtualizer, scrollRef, focusIndex, tabbableId });
  const onFocus = useFocusFollowsToken(scrollRef);

  const firstPainted = useRef(false);
  useEffect(() => {
    if (!firstPainted.current && items.length > 0) {
      firstPainted.current = true;
      markOnce('tokens:first-render');
    }
  }, [items.length]);

  return (
    <div
      role="grid"
      aria-label="API tokens"
      aria-rowcount={rows.length + 1}
      aria-colcount={TOTAL_COLUMNS}
      aria-multiselectable="true"
      className="token-grid"
      data-layout={layout.name}
      style={{ '--grid-columns': layout.template } as CSSProperties}
    >
      <div role="rowgroup" className="grid-head">
        <HeaderRow rows={rows} layout={layout} />
      </div>
      <div role="rowgroup" ref={scrollRef} className="grid-body" onKeyDown={onKeyDown} onFocus={onFocus}>
        <div role="presentation" style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {items.map((item) => {
            const entry = rows[item.index]!;
            const id = entry.id;
            // Keyed by place: a keystroke that changes the rows on screen updates them instead
            // of building every row (and its menu and tooltip) again. Focus follows its token
            // (useFocusFollowsToken).
            return (
              <TokenRow
                key={item.index}
                token={entry.token}
                index={item.index}
                top={item.start}
                selected={selection.has(id)}
                tabbable={id === tabbableId}
                own={id === ownId}
                layout={layout}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function HeaderRow({ rows, layout }: { rows: readonly IndexedToken[]; layout: GridLayout }) {
  const sort = useTokensUiStore((s) => s.sort);
  const toggleSort = useTokensUiStore((s) => s.toggleSort);
  const selection = useTokensUiStore((s) => s.selection);
  const allVisibleSelected = selection.size >= rows.length && rows.length > 0 && rows.every((r) => selection.has(r.id));
  const someVisibleSelected = selection.size > 0 && !allVisibleSelected && rows.some((r) => selection.has(r.id));
  const headerBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerBox.current) headerBox.current.indeterminate = someVisibleSelected;
  }, [someVisibleSelected]);

  function toggleAll() {
    const ui = useTokensUiStore.getState();
    if (allVisibleSelected) {
      const visible = new Set(rows.map((r) => r.id));
      ui.setSelection([...ui.selection].filter((id) => !visible.has(id)));
    } else ui.setSelection([...ui.selection, ...rows.map((r) => r.id)]);
  }

  return (
    <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
      <div role="columnheader" aria-colindex={1} className="cell cell-check">
        <input ref={headerBox} type="checkbox" aria-label="Select all visible tokens" checked={allVisibleSelected} disabled={rows.length === 0} onChange={toggleAll} />
      </div>
      {layout.columns.map((col) => {
        const sorted = col.sort !== null && sort.key === col.sort;
        return (
          <div
            key={col.key}
            role="columnheader"
            aria-colindex={col.colIndex}
            aria-sort={col.sort === null ? undefined : sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={`cell cell-head-${col.key}`}
          >
            {col.sort === null ? (
              col.label
            ) : (
              <button type="button" className="sort-button" onClick={() => toggleSort(col.sort!)}>
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
  );
}
