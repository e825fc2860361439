/**
 * Test harness for the wizard: a fake `window.desk` bridge (set BEFORE the renderer modules
 * are imported, because renderer/src/desk.ts reads it at import time), fresh modules per test,
 * and helpers to open the wizard and walk its steps.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { TokenView } from '../../../common/contract';
import type { DeskErrorData } from '../../../common/errors';

export type Responder = (input: any) => unknown;
export interface FakeCall {
  channel: string;
  input: any;
}

/** Thrown by a responder to answer with a DeskError. */
export class Refusal {
  constructor(readonly error: DeskErrorData) {}
}

export const MODULES = [
  { id: 'MOD-1756', name: 'Access Management', description: 'Manage the access to your account' },
  { id: 'MOD-0478', name: 'Marketplace', description: 'Buy and manage subscription based licenses.' },
  { id: 'MOD-1239', name: 'Billing', description: 'View statements, invoices and billing journals.' },
];

export function tokenView(over: Partial<TokenView> = {}): TokenView {
  return {
    id: 'TKN-1111-2222',
    name: 'CI robot',
    description: null,
    icon: '',
    status: 'Active',
    account: { id: 'ACC-1234-5678', name: 'Stark Industries', type: 'Client' },
    modules: [{ id: 'MOD-1756', name: 'Access Management' }],
    audit: { created: { at: '2026-11-24T21:07:00.000Z' } },
    hasValue: true,
    ...over,
  } as TokenView;
}

export const VALUE = 'idt:TKN-1111-2222:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

export async function setup(responders: Record<string, Responder> = {}) {
  const calls: FakeCall[] = [];
  const all: Record<string, Responder> = {
    'tokens.modules': () => ({ modules: MODULES, source: 'api', partial: false }),
    ...responders,
  };
  (window as any).desk = {
    async invoke(channel: string, input: unknown) {
      calls.push({ channel, input });
      const responder = all[channel];
      if (!responder) return { ok: false, error: { code: 'internal', message: `no fake for ${channel}` } };
      try {
        return { ok: true, value: await responder(input) };
      } catch (e) {
        if (e instanceof Refusal) return { ok: false, error: e.error };
        throw e;
      }
    },
    on: () => () => undefined,
  };
  vi.resetModules();
  // The page's connection, named by the wizard's token and value calls.
  (await import('../../../renderer/src/desk')).showConnection('c1');
  const { AddTokenWizard } = await import('../../../renderer/src/features/wizard/AddTokenWizard');
  const { useWizardBridge } = await import('../../../renderer/src/features/wizard/wizard-bridge');
  const { useTokensStore } = await import('../../../renderer/src/features/tokens/store/tokens-store');
  const { useTokensUiStore } = await import('../../../renderer/src/features/tokens/store/tokens-ui-store');
  const user = userEvent.setup({ applyAccept: false });
  render(<AddTokenWizard />);
  const open = async () => {
    await act(async () => useWizardBridge.getState().openWizard({ mode: 'create' }));
  };
  const countCalls = (channel: string) => calls.filter((c) => c.channel === channel).length;
  return { user, calls, countCalls, open, bridge: useWizardBridge, tokensStore: useTokensStore, tokensUi: useTokensUiStore };
}

export function teardown() {
  cleanup();
  delete (window as any).desk;
}

export const dialog = () => screen.getByRole('dialog');
export const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
export const nameInput = () => screen.getByLabelText(/^Name/) as HTMLInputElement;

/** A promise with its resolve/reject outside, to hold a call in flight. */
export { deferred } from '../renderer/fake-desk';

/** 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
