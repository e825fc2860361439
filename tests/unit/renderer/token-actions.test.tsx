// @vitest-environment jsdom
import { deferred, fakeDesk, FakeDeskError, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TokenView } from '../../../common/contract';
import { useWizardBridge } from '../../../renderer/src/features/wizard/wizard-bridge';
import { renderPage, resetAll, rowIds, rowOf } from './render-page';

const active = makeToken({ name: 'Active one', status: 'Active' });
const disabled = makeToken({ name: 'Disabled one', status: 'Disabled' });
const withValue = makeToken({ name: 'Kept value', status: 'Active', hasValue: true });

beforeEach(() => {
  resetAll();
  serveTokens([active, disabled, withValue]);
  useWizardBridge.setState({ open: false, token: undefined });
});
afterEach(resetAll);

const buttonNames = (row: HTMLElement) => within(row).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);

describe('row actions follow the state', () => {
  it('Active: Disable, Edit, Rotate, Delete; no Enable; no Copy value without a stored value', async () => {
    await renderPage();
    expect(buttonNames(rowOf(active.id))).toEqual(['Active one', 'Disable Active one', 'Edit Active one', 'Rotate Active one', 'Delete Active one']);
  });

  it('Disabled: Enable, not Disable', async () => {
    await renderPage();
    const names = buttonNames(rowOf(disabled.id));
    expect(names).toContain('Enable Disabled one');
    expect(names).not.toContain('Disable Disabled one');
    expect(names).toContain('Edit Disabled one');
    expect(names).toContain('Delete Disabled one');
  });

  it('Copy value only when the value is stored, and the copy happens in main', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => ({ clearsAt: new Date(Date.now() + 30_000).toISOString() });
    await renderPage();
    const copy = within(rowOf(withValue.id)).getByRole('button', { name: 'Copy value of Kept value' });
    await user.click(copy);
    expect(fakeDesk.calls.filter((c) => c.channel === 'values.copy')).toEqual([{ channel: 'values.copy', input: { id: withValue.id, connectionId: 'c1' } }]);
    expect(await within(rowOf(withValue.id)).findByText(/Copied — clipboard clears in/)).toBeTruthy();
  });

  it('the in-place confirmation words the delay as Settings does ("2 min", not "120 s")', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => ({ clearsAt: new Date(Date.now() + 120_000).toISOString() });
    await renderPage();
    await user.click(within(rowOf(withValue.id)).getByRole('button', { name: 'Copy value of Kept value' }));
    expect(await within(rowOf(withValue.id)).findByText('Copied — clipboard clears in 2 min')).toBeTruthy();
  });

  it('Rotate opens the wizard in rotate mode for that token; Add token in create mode', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(within(rowOf(active.id)).getByRole('button', { name: 'Rotate Active one' }));
    expect(useWizardBridge.getState()).toMatchObject({ open: true, mode: 'rotate', token: { id: active.id } });
    useWizardBridge.getState().closeWizard();
    await user.click(screen.getByRole('button', { name: 'Add token' }));
    expect(useWizardBridge.getState()).toMatchObject({ open: true, mode: 'create', token: undefined });
  });
});

describe('enable / disable', () => {
  it('enables optimistically, then shows the server answer', async () => {
    const user = userEvent.setup();
    const answer = deferred<TokenView>();
    fakeDesk.handlers['tokens.enable'] = () => answer.promise;
    await renderPage();
    await user.click(within(rowOf(disabled.id)).getByRole('button', { name: 'Enable Disabled one' }));
    // At once, before the API answered.
    expect(within(rowOf(disabled.id)).getByText('Active')).toBeTruthy();
    expect(within(rowOf(disabled.id)).getByRole('button', { name: 'Disable Disabled one' })).toBeTruthy();
    await act(async () => answer.resolve({ ...disabled, status: 'Active', revision: 2 }));
    expect(within(rowOf(disabled.id)).getByText('Active')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('rolls back with a clear message when the API refuses', async () => {
    const user = userEvent.setup();
    const answer = deferred<TokenView>();
    fakeDesk.handlers['tokens.enable'] = () => answer.promise;
    await renderPage();
    await user.click(within(rowOf(disabled.id)).getByRole('button', { name: 'Enable Disabled one' }));
    expect(within(rowOf(disabled.id)).getByText('Active')).toBeTruthy();
    await act(async () => answer.reject(new FakeDeskError({ code: 'forbidden', message: 'You may not change this token.' })));
    await waitFor(() => expect(within(rowOf(disabled.id)).getByText('Disabled')).toBeTruthy());
    expect(within(rowOf(disabled.id)).getByRole('button', { name: 'Enable Disabled one' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Could not enable “Disabled one”: You may not change this token.');
  });

  it('rolls back in the details view too', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.disable'] = () => {
      throw new FakeDeskError({ code: 'offline', message: 'The Marketplace cannot be reached.' });
    };
    await renderPage();
    await user.click(within(rowOf(active.id)).getByRole('button', { name: 'Active one' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Active one' });
    const header = heading.closest('header')!;
    await user.click(within(header).getByRole('button', { name: 'Disable Active one' }));
    await waitFor(() => expect(within(header).getByRole('button', { name: 'Disable Active one' })).toBeTruthy());
    expect(within(header).getByText('Active')).toBeTruthy();
  });
});

describe('keyboard', () => {
  it('arrows move the focused row, Space selects, Enter opens details', async () => {
    const user = userEvent.setup();
    await renderPage();
    const ids = rowIds();
    rowOf(ids[0]!).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('data-row-id')).toBe(ids[1]);
    await user.keyboard(' ');
    expect(rowOf(ids[1]!).getAttribute('aria-selected')).toBe('true');
    expect(rowOf(ids[0]!).getAttribute('aria-selected')).toBe('false');
    expect(screen.getByText('1 selected')).toBeTruthy();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.getAttribute('data-row-id')).toBe(ids[0]);
    const name = rowOf(ids[0]!).querySelector('.token-name')!.textContent;
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('tablist', { name: 'Token details' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(name);
  });
});
