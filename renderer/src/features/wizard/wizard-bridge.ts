/**
 * The seam between the token table and the create/rotate wizard (built by another feature).
 * The table only calls `openWizard`; the wizard reads `open`, `mode` and `token` and calls
 * `closeWizard` when done.
 */
import { create } from 'zustand';
import type { TokenView } from '../../../../common/contract';

export type WizardMode = 'create' | 'rotate';

export interface WizardRequest {
  mode: WizardMode;
  /** The token being rotated (mode 'rotate'). */
  token?: TokenView;
}

interface WizardBridgeState {
  open: boolean;
  mode: WizardMode;
  token: TokenView | undefined;
  openWizard(request: WizardRequest): void;
  closeWizard(): void;
}

export const useWizardBridge = create<WizardBridgeState>((set) => ({
  open: false,
  mode: 'create',
  token: undefined,
  openWizard: ({ mode, token }) => set({ open: true, mode, token }),
  closeWizard: () => set({ open: false, token: undefined }),
}));
