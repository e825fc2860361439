/**
 * The grid reuses its rows for other tokens as the list changes (TokenTable keys rows by place),
 * so after a change the focused element may stand for another token. Focus stays with the token
 * it was on: the same control in that token's row where the row is drawn; where it is not (the
 * token was filtered out or scrolled away), the row now at that place (or the last row) takes the
 * focus itself, so the change is announced and no control is left to act on a token the user did
 * not choose.
 */
import { useLayoutEffect, useRef } from 'react';
import type { FocusEvent, RefObject } from 'react';
import { rowDomId } from './use-grid-keyboard';

const controlsOf = (row: Element) => [...row.querySelectorAll<HTMLElement>('button, input, a[href]')];

/** Returns the grid body's focus handler. */
export function useFocusFollowsToken(bodyRef: RefObject<HTMLElement | null>): (event: FocusEvent<HTMLElement>) => void {
  /** The token the focus is on, which of its row's controls holds it (-1: the row), and the elements. */
  const owner = useRef<{ id: string; control: number; element: HTMLElement; row: HTMLElement } | null>(null);

  useLayoutEffect(() => {
    const held = owner.current;
    const body = bodyRef.current;
    if (!held || !body) return;
    const active = document.activeElement;
    // The control was removed (the row now shows a token without it): focus fell to the page.
    const lost = !held.element.isConnected && (active === null || active === document.body);
    const row = active instanceof HTMLElement && body.contains(active) ? active.closest<HTMLElement>('[data-row-id]') : null;
    const moved = row !== null && row.getAttribute('data-row-id') !== held.id;
    if (!lost && !moved) return;
    const home = document.getElementById(rowDomId(held.id));
    const rows = body.querySelectorAll<HTMLElement>('[data-row-id]');
    // The row at the place it had, or the last one where the list now ends before it.
    const place = row ?? (held.row.isConnected ? held.row : (rows[rows.length - 1] ?? null));
    const target = home ? ((held.control >= 0 ? controlsOf(home)[held.control] : undefined) ?? home) : place;
    target?.focus({ preventScroll: true });
  });

  return (event) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row-id]');
    owner.current = row ? { id: row.getAttribute('data-row-id')!, control: controlsOf(row).indexOf(target), element: target, row } : null;
  };
}
