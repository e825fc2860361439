/** The connection's module catalogue (tokens.modules), read once when a form first needs it. */
import { create } from 'zustand';
import type { Module } from '../../../../../common/domain';
import { desk } from '../../../desk';

interface ModulesState {
  modules: Module[] | null;
  /** Where the catalogue came from, and whether it may miss modules (the form says so). */
  source: 'api' | 'derived';
  partial: boolean;
  load(): Promise<Module[]>;
  /** Forget the catalogue (another connection became active). */
  reset(): void;
}

export const useModulesStore = create<ModulesState>((set, get) => ({
  modules: null,
  source: 'api',
  partial: false,
  async load() {
    const known = get().modules;
    if (known) return known;
    const result = await desk.call('tokens.modules');
    set({ modules: result.modules, source: result.source, partial: result.partial });
    return result.modules;
  },
  reset: () => set({ modules: null, source: 'api', partial: false }),
}));
