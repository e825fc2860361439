import { createContext, useContext } from 'react';
import type { TokenView } from '../../../../common/contract';
import { useWizardBridge } from '../../stores/wizard-bridge';

export type RotateHandler = (token: TokenView) => void;

export const defaultRotate: RotateHandler = (token) => useWizardBridge.getState().openWizard({ mode: 'rotate', token });

/** The "Rotate" action; TokensPage's `onRotate` prop overrides the wizard bridge. */
export const RotateContext = createContext<RotateHandler>(defaultRotate);
export const useRotate = () => useContext(RotateContext);
