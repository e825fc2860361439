/** Which view is open, and the short notices main pushes (app.notice). */
import { create } from 'zustand';
import type { EventPayload } from '../../../common/contract';

export type View = 'home' | 'audit' | 'access' | 'connections' | 'settings' | 'about';

export interface Notice extends EventPayload<'app.notice'> {
  id: number;
}

interface ShellState {
  view: View;
  notices: Notice[];
  setView(view: View): void;
  pushNotice(notice: EventPayload<'app.notice'>): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const useShellStore = create<ShellState>((set) => ({
  view: 'home',
  notices: [],
  setView: (view) => set({ view }),
  pushNotice: (notice) => set((state) => ({ notices: [...state.notices.slice(-4), { ...notice, id: nextNoticeId++ }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
