/** The short notices main pushes (app.notice). Which view is open is the address (router.ts). */
import { create } from 'zustand';
import type { EventPayload } from '../../../common/contract';

export interface Notice extends EventPayload<'app.notice'> {
  id: number;
}

interface ShellState {
  notices: Notice[];
  pushNotice(notice: EventPayload<'app.notice'>): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const useShellStore = create<ShellState>((set) => ({
  notices: [],
  pushNotice: (notice) => set((state) => ({ notices: [...state.notices.slice(-4), { ...notice, id: nextNoticeId++ }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
