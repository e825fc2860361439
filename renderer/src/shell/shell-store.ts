/**
 * How the features show a short notice: a toast without an action, in the one store of toasts
 * (ui/toast-store.ts; `toast()` there takes an action too, e.g. Undo). Which view is open is the
 * address (router.ts).
 */
import { create } from 'zustand';
import type { EventPayload } from '../../../common/contract';
import { dismissToast, toast } from '../ui/toast-store';

interface ShellState {
  pushNotice(notice: EventPayload<'app.notice'>): void;
  dismissNotice(id: number): void;
}

export const useShellStore = create<ShellState>(() => ({
  pushNotice: (notice) => void toast(notice),
  dismissNotice: dismissToast,
}));
