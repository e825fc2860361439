/**
 * The seam between the token table and the Add API token wizard (built by another feature).
 * The table only calls `openWizard`; the wizard reads `open` and calls `closeWizard` when done.
 * The wizard only creates: a rotation has its own flow (features/rotation), which copies the
 * old token's fields in main and plans its retirement.
 */
import { create } from 'zustand';

export type WizardMode = 'create';

export interface WizardRequest {
  mode: WizardMode;
}

interface WizardBridgeState {
  open: boolean;
  openWizard(request: WizardRequest): void;
  closeWizard(): void;
}

export const useWizardBridge = create<WizardBridgeState>((set) => ({
  open: false,
  openWizard: () => set({ open: true }),
  closeWizard: () => set({ open: false }),
}));
