/**
 * The app's one store of toasts: short messages that confirm what just happened ("Disabled
 * Billing sync"), optionally with one action (Undo). Every part of the app pushes here — its own
 * actions, and main's `app.notice`s (shell/Notices.tsx) — and `ui/Toasts.tsx` shows them.
 */
import { create } from 'zustand';

export type ToastLevel = 'info' | 'success' | 'warning' | 'error';

export interface ToastAction {
  /** The button's text, e.g. "Undo". */
  label: string;
  /** Its accessible name when the text alone is vague, e.g. "Undo disabling Billing sync". */
  name?: string;
  run(): void;
}

export interface ToastInput {
  level: ToastLevel;
  message: string;
  action?: ToastAction;
  /** How long it stays, in ms, not counting the time it is hovered or focused. */
  duration?: number;
}

export interface Toast extends ToastInput {
  id: number;
  duration: number;
}

/** Enough to read a sentence; longer with a button to reach, longest for an error. */
export const TOAST_DURATION = { plain: 6_000, withAction: 10_000, error: 10_000 } as const;
/** The oldest give way beyond this many, so the stack never covers the page. */
export const TOAST_MAX = 4;

interface ToastState {
  toasts: Toast[];
  push(toast: ToastInput): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToastStore = create<ToastState>((set) => ({
  toasts: [],
  push(input) {
    const id = nextId++;
    const duration = input.duration ?? (input.level === 'error' ? TOAST_DURATION.error : input.action ? TOAST_DURATION.withAction : TOAST_DURATION.plain);
    set((s) => ({ toasts: [...s.toasts, { ...input, id, duration }].slice(-TOAST_MAX) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shows a toast; returns its id (for `dismissToast`). */
export const toast = (input: ToastInput): number => useToastStore.getState().push(input);
export const dismissToast = (id: number): void => useToastStore.getState().dismiss(id);
