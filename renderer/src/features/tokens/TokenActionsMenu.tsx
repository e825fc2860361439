/**
 * A row's actions folded into one "⋯" button, for grids too narrow for the buttons. A WAI-ARIA
 * menu button: Enter, Space or ArrowDown open it on the first item (ArrowUp on the last),
 * arrows / Home / End move, Escape or Tab close it and focus returns to the button.
 *
 * The menu is portalled to <body> with fixed coordinates: the grid's rows clip their content
 * (CSS containment keeps scrolling cheap), so a menu inside a row would be cut off.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { TokenView } from '../../../../common/contract';
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { actionsFor } from './TokenActions';
import type { TokenAction } from './TokenActions';

interface Place {
  right: number;
  top?: number;
  bottom?: number;
}

export function TokenActionsMenu({ token, tabIndex }: { token: TokenView; tabIndex?: number }) {
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  // The menu is only in table rows.
  const actions = actionsFor(token);

  function close(returnFocus: boolean) {
    setOpen(null);
    setPlace(null);
    if (returnFocus) buttonRef.current?.focus();
  }

  // Place the menu under the button (above it when there is no room), then focus an item.
  useLayoutEffect(() => {
    if (!open) return;
    const button = buttonRef.current!.getBoundingClientRect();
    const menu = menuRef.current!;
    const height = menu.offsetHeight;
    const right = Math.max(4, window.innerWidth - button.right);
    const below = button.bottom + 4 + height <= window.innerHeight;
    setPlace(below ? { right, top: button.bottom + 4 } : { right, bottom: window.innerHeight - button.top + 4 });
  }, [open]);

  // Once placed (a hidden menu cannot take focus).
  useLayoutEffect(() => {
    if (!open || !place || !menuRef.current) return;
    const items = menuItems(menuRef.current);
    (open === 'last' ? items[items.length - 1] : items[0])?.focus({ preventScroll: true });
    // Only when the menu opens, not when its items change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [place]);

  // Anything that moves the button away from the menu closes it: scrolling, resizing, a click elsewhere.
  useLayoutEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) close(false);
    };
    const onMove = (e: Event) => {
      if (!menuRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('scroll', onMove, true);
    window.addEventListener('resize', onMove);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('scroll', onMove, true);
      window.removeEventListener('resize', onMove);
    };
  }, [open]);

  function onButtonKey(e: ReactKeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // Also keeps the grid from moving to the next row.
      e.preventDefault();
      e.stopPropagation();
      setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
    }
  }

  function onMenuKey(e: ReactKeyboardEvent) {
    // The portal still bubbles through React's tree: the grid must not see the menu's keys.
    e.stopPropagation();
    const items = menuItems(menuRef.current!);
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (e.key === 'ArrowDown') next = (i + 1) % items.length;
    else if (e.key === 'ArrowUp') next = (i - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close(true);
      return;
    }
    if (next >= 0) {
      e.preventDefault();
      items[next]?.focus({ preventScroll: true });
    }
  }

  function choose(action: TokenAction) {
    // Focus goes back to the button first, so a dialog the action opens returns focus there.
    close(true);
    // Success is announced by main (a copy's app.notice names the token and the clear delay);
    // a second notice from here would say the same thing twice.
    void Promise.resolve()
      .then(() => action.run())
      .catch((error: unknown) => useShellStore.getState().pushNotice({ level: 'error', message: errorMessage(error, `Could not ${action.label.toLowerCase()}.`) }));
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-small actions-menu-button"
        tabIndex={tabIndex}
        aria-label={`Actions for ${token.name}`}
        title={`Actions for ${token.name}`}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open
        ? createPortal(
            <div
              ref={menuRef}
              id={menuId}
              role="menu"
              aria-label={`Actions for ${token.name}`}
              className="actions-menu"
              style={place ? { right: place.right, top: place.top, bottom: place.bottom } : { visibility: 'hidden' }}
              onKeyDown={onMenuKey}
            >
              {actions.map((action) => (
                <button
                  key={action.key}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className={action.danger ? 'actions-menu-item danger' : 'actions-menu-item'}
                  aria-label={action.name}
                  onClick={() => choose(action)}
                >
                  {action.label}
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}

function menuItems(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
}
