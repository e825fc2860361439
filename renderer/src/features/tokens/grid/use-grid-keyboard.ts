/**
 * Keyboard use of the virtualized token grid (roving tabindex over rows): arrows, Page Up/Down,
 * Home/End move the focused row, Enter opens its details, Space selects it. A row moved to may
 * not be rendered yet, so its focus waits until the virtualizer has drawn it.
 */
import { useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useTokensUiStore } from '../store/tokens-ui-store';
import type { IndexedToken } from '../token-index';

export const ROW_HEIGHT = 52;

export function rowDomId(id: string) {
  return `token-row-${id}`;
}

interface GridKeyboardArgs {
  rows: readonly IndexedToken[];
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Index of the row holding the roving tab stop. */
  focusIndex: number;
  tabbableId: string | null;
}

export function useGridKeyboard({ rows, virtualizer, scrollRef, focusIndex, tabbableId }: GridKeyboardArgs) {
  const pendingFocus = useRef<string | null>(null);

  // Back from the details: scroll to the row the user came from; it is focused once drawn.
  useLayoutEffect(() => {
    const id = useTokensUiStore.getState().takeRowToRestore();
    const index = id ? rows.findIndex((r) => r.id === id) : -1;
    if (index < 0) return;
    pendingFocus.current = id;
    virtualizer.scrollToIndex(index, { align: 'center' });
    // Once, on mount: later renders must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Focus a row moved to once the virtualizer has rendered it.
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const el = document.getElementById(rowDomId(id));
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    const id = rows[i]!.id;
    pendingFocus.current = id;
    useTokensUiStore.getState().setFocused(id);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    const el = document.getElementById(rowDomId(id));
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  }

  return function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const onRow = target.getAttribute('role') === 'row';
    const rowId = () => target.getAttribute('data-row-id') ?? tabbableId ?? '';
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(focusIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(focusIndex - 1);
        break;
      case 'PageDown':
        moveTo(focusIndex + page);
        break;
      case 'PageUp':
        moveTo(focusIndex - page);
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
        if (onRow) useTokensUiStore.getState().openDetails(rowId());
        else handled = false;
        break;
      case ' ':
        if (onRow) useTokensUiStore.getState().toggleSelected(rowId());
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };
}
