/** The connection's module catalogue (tokens.modules), read once when a form first needs it. */
import { create } from 'zustand';
import type { Module } from '../../../../../common/domain';
import { desk } from '../../../desk';

interface ModulesState {
  modules: Module[] | null;
  load(): Promise<Module[]>;
  /** Forget the catalogue (another connection became active). */
  reset(): void;
}

export const useModulesStore = create<ModulesState>((set, get) => ({
  modules: null,
  async load() {
    const known = get().modules;
    if (known) return known;
    const result = await desk.call('tokens.modules');
    set({ modules: result.modules });
    return result.modules;
  },
  reset: () => set({ modules: null }),
}));
