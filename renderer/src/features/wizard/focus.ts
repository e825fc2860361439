/** Focus helpers for the wizard dialog: a focus trap and "focus this when it appears". */
import { useEffect } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('inert') && !el.closest('[inert]') && el.tabIndex >= 0);
}

/** Keep Tab / Shift+Tab inside `root` (call from the dialog's onKeyDown). */
export function trapTab(event: ReactKeyboardEvent, root: HTMLElement | null): void {
  if (event.key !== 'Tab' || !root) return;
  const items = focusables(root);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement as HTMLElement | null;
  const inside = active ? root.contains(active) : false;
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * While the dialog is open: the app behind it (#root) is inert (no focus, hidden from screen
 * readers); when it closes, focus returns to whatever had it before (e.g. the Add button).
 */
export function useModalBackground(): void {
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const app = document.getElementById('root');
    const wasInert = app?.hasAttribute('inert') ?? false;
    app?.setAttribute('inert', '');
    return () => {
      if (app && !wasInert) app.removeAttribute('inert');
      if (before && document.contains(before)) before.focus();
    };
  }, []);
}

export function focusSoon(ref: RefObject<HTMLElement | null>): void {
  // After React has committed the step (and the browser laid it out).
  queueMicrotask(() => ref.current?.focus());
}
