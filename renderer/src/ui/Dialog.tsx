/**
 * The app's one modal: a native <dialog> opened with showModal(), so the browser puts it in the
 * top layer and makes the rest of the page inert (no focus, no clicks, hidden from screen
 * readers). The wizard, the edit dialog and every confirm use it.
 *
 * What the platform does not do for us: Escape asks the owner (onClose) instead of closing at
 * once, so a dialog can refuse (e.g. "copy the value first"); Tab wraps inside the dialog
 * instead of leaving for the browser's own UI; focus returns to the opener when it unmounts.
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode, RefObject, SyntheticEvent } from 'react';

export interface DialogProps {
  title: string;
  /** Escape, the × button or a cancel request: the owner decides whether to close (unmount). */
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom. */
  footer?: ReactNode;
  /** Optional id of an element describing the dialog. */
  describedBy?: string;
  /** Element to focus first (defaults to the first focusable one). */
  initialFocus?: RefObject<HTMLElement | null>;
  wide?: boolean;
  /** 'alertdialog' for a question that interrupts (e.g. discard your input?). */
  role?: 'dialog' | 'alertdialog';
  /** A × button in the title bar with this accessible name. */
  closeLabel?: string;
  /** Extra class for a dialog with its own layout (the wizard). */
  className?: string;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** What Tab can reach inside `dialog`, leaving out a dialog opened on top of it. */
function tabbables(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.closest('dialog') === dialog && !el.closest('[inert]'));
}

export function Dialog({ title, onClose, children, footer, describedBy, initialFocus, wide, role = 'dialog', closeLabel, className }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  // Open before the first paint, so the dialog never shows as a closed (hidden) box.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    opener.current = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const first = initialFocus?.current ?? tabbables(dialog)[0] ?? dialog;
    // showModal() has focused the first focusable element; move to the chosen one once the
    // commit is over (focusing inside it would start a nested React event dispatch).
    queueMicrotask(() => {
      if (first.isConnected) first.focus();
    });
    // Once per open dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // After unmount (the DOM is gone by then, so a nested dialog's opener is no longer connected
  // and the outermost dialog's opener wins).
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
      const previous = opener.current;
      if (previous && previous.isConnected && typeof previous.focus === 'function') previous.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    const dialog = ref.current;
    if (!dialog || (event.target as Element).closest('dialog') !== dialog) return;
    if (event.key === 'Escape') {
      // Handled here, not by the native cancel: the owner may refuse to close.
      event.preventDefault();
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = tabbables(dialog);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /** A cancel request the keydown above did not see (e.g. from the platform): ask the owner. */
  function onCancel(event: SyntheticEvent<HTMLDialogElement>) {
    event.preventDefault();
    onCloseRef.current();
  }

  const classes = ['ui-dialog', wide ? 'ui-dialog-wide' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      // Explicit, though <dialog> implies it: code elsewhere finds "inside a dialog" by role.
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <div className="ui-dialog-header">
        <h2 id={titleId} className="ui-dialog-title">
          {title}
        </h2>
        {closeLabel ? (
          <button type="button" className="ui-dialog-x" aria-label={closeLabel} onClick={() => onCloseRef.current()}>
            ×
          </button>
        ) : null}
      </div>
      <div className="ui-dialog-body">{children}</div>
      {footer ? <div className="ui-dialog-footer">{footer}</div> : null}
    </dialog>
  );
}
