import { create } from 'zustand';
import type { AppInfo } from '../../../../common/contract';
import { DeskError } from '../../../../common/errors';
import { desk } from '../../desk';

interface AppInfoState {
  info?: AppInfo;
  error?: string;
  loading: boolean;
  load(): Promise<void>;
}

export const useAppInfoStore = create<AppInfoState>((set, get) => ({
  loading: false,
  async load() {
    if (get().loading) return;
    set({ loading: true, error: undefined });
    try {
      set({ info: await desk.call('app.info'), loading: false });
    } catch (error) {
      set({ error: DeskError.is(error) ? error.message : 'Could not read the app information.', loading: false });
    }
  },
}));
