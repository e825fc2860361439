/**
 * The toasts of `toast-store.ts`, stacked at the bottom right, newest last. One polite live
 * region that is always in the page (a region added with its content is not announced). Each
 * toast leaves after its time, which stops while the pointer or the keyboard focus is on the
 * stack (time to read, or to reach Undo). F8 moves the keyboard focus to the newest
 * toast, and Escape there dismisses it.
 *
 * A toast must never lie over a button the user is about to press (the last row's ⋯ menu): while
 * the stack shows, its height is published as `--toast-space`, which the shell's content area
 * keeps free at its bottom (shell.css), so the page ends above the stack instead of under it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CloseIcon } from './icons';
import { useToastStore } from './toast-store';
import type { Toast } from './toast-store';

/** The CSS variable the shell reads to keep the page clear of the stack. */
const TOAST_SPACE = '--toast-space';

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const region = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = region.current;
    if (!element) return;
    const publish = () => {
      // The stack's height plus its distance from the window's bottom edge (toast.css).
      const space = toasts.length > 0 ? element.offsetHeight + Number.parseFloat(getComputedStyle(element).bottom || '0') : 0;
      document.documentElement.style.setProperty(TOAST_SPACE, `${Math.ceil(space)}px`);
    };
    publish();
    // A message that wraps differently after a resize changes the stack's height.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(publish);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [toasts]);
  useEffect(
    () => () => {
      document.documentElement.style.removeProperty(TOAST_SPACE);
    },
    [],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'F8' || event.ctrlKey || event.metaKey || event.altKey) return;
      const newest = region.current?.querySelector<HTMLElement>('.toast:last-child');
      if (!newest) return;
      event.preventDefault();
      newest.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      ref={region}
      className="toasts"
      role="status"
      aria-live="polite"
      aria-label="Notifications"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} paused={hovered || focused} />
      ))}
    </div>
  );
}

function ToastItem({ toast, paused }: { toast: Toast; paused: boolean }) {
  const dismiss = useToastStore((s) => s.dismiss);
  const remaining = useRef(toast.duration);

  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => dismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, dismiss]);

  return (
    <div
      className={`toast toast-${toast.level}`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          dismiss(toast.id);
        }
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="toast-action"
          aria-label={toast.action.name}
          onClick={() => {
            dismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="toast-close" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <CloseIcon />
      </button>
    </div>
  );
}
