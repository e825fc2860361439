import { create } from 'zustand';
import type { AppInfo } from '../../../../common/contract';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

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
      set({ error: errorMessage(error, 'Could not read the app information.'), loading: false });
    }
  },
}));
