/**
 * Rotation plans as the page knows them (every connection's, from `rotation.list`), kept fresh
 * by main's `rotation.changed`; the rotate dialog's open state; the user's actions on a plan.
 * Main carries the plans out: this store only shows them and forwards clicks.
 */
import { create } from 'zustand';
import type { TokenView } from '../../../../common/contract';
import type { PlanView, RetireChoice } from '../../../../common/rotation';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';

export type PlanAction = { kind: 'retireNow' } | { kind: 'cancel' } | { kind: 'extend'; byMs: number };

interface RotationState {
  plans: PlanView[];
  loaded: boolean;
  error: string | null;
  /** The tokens the rotate dialog is for (one, or a bulk selection); null when closed. */
  rotating: TokenView[] | null;
  /** When to retire, chosen as the dialog opens instead of its default (a leaked token: now). */
  initialRetire: RetireChoice['kind'] | null;
  load(): Promise<void>;
  act(plan: PlanView, action: PlanAction): Promise<string | null>;
  openRotate(tokens: TokenView[], initialRetire?: RetireChoice['kind']): void;
  closeRotate(): void;
}

export const useRotationStore = create<RotationState>((set, get) => ({
  plans: [],
  loaded: false,
  error: null,
  rotating: null,
  initialRetire: null,
  async load() {
    try {
      const { plans } = await desk.call('rotation.list', {});
      set({ plans, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: errorMessage(error) });
    }
  },
  async act(plan, action) {
    try {
      await desk.call('rotation.act', { connectionId: plan.connectionId, planId: plan.id, action });
      await get().load();
      return null;
    } catch (error) {
      await get().load();
      return errorMessage(error);
    }
  },
  openRotate: (tokens, initialRetire) => set({ rotating: tokens.filter((t) => t.status !== 'Deleted'), initialRetire: initialRetire ?? null }),
  closeRotate: () => set({ rotating: null, initialRetire: null }),
}));

/** The newest plan of a connection that retires `tokenId`, or that made `tokenId` its replacement. */
export function planOf(plans: readonly PlanView[], connectionId: string | undefined, tokenId: string, side: 'old' | 'new'): PlanView | undefined {
  return plans.find((p) => p.connectionId === connectionId && (side === 'old' ? p.oldId === tokenId : p.newId === tokenId));
}
