// @vitest-environment jsdom
import { deferred, fakeDesk, FakeDeskError, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TokenView } from '../../../common/contract';
import { useWizardBridge } from '../../../renderer/src/features/wizard/wizard-bridge';
import { chooseRowAction, openRowMenu, renderPage, resetAll, rowIds, rowOf } from './render-page';
import { useToastStore } from '../../../renderer/src/ui/toast-store';
import { useRotationStore } from '../../../renderer/src/features/rotation/rotation-store';
import { RowActions } from '../../../renderer/src/features/tokens/grid/RowActions';
import { useTokensStore } from '../../../renderer/src/features/tokens/store/tokens-store';

const active = makeToken({ name: 'Active one', status: 'Active' });
const disabled = makeToken({ name: 'Disabled one', status: 'Disabled' });
const withValue = makeToken({ name: 'Kept value', status: 'Active', hasValue: true });

beforeEach(() => {
  resetAll();
  serveTokens([active, disabled, withValue]);
  useWizardBridge.setState({ open: false });
});
afterEach(resetAll);

const buttonNames = (row: HTMLElement) => within(row).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
const itemNames = (menu: HTMLElement) => within(menu).getAllByRole('menuitem').map((i) => i.getAttribute('aria-label'));

describe('row actions: Copy value on the row, the rest in its menu', () => {
  it('a row shows at most Copy value and its "⋯" button; Copy value only with a stored value', async () => {
    await renderPage();
    expect(buttonNames(rowOf(active.id))).toEqual(['Active one', 'Actions for Active one']);
    expect(buttonNames(rowOf(withValue.id))).toEqual(['Kept value', 'Copy value of Kept value', 'Actions for Kept value']);
    // The empty slot keeps the menu button in one column on every row.
    expect(rowOf(active.id).querySelector('.row-copy-slot')).not.toBeNull();
  });

  it('Copy value is an icon button with a tooltip', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.hover(within(rowOf(withValue.id)).getByRole('button', { name: 'Copy value of Kept value' }));
    expect((await screen.findByRole('tooltip')).textContent).toBe('Copy value');
  });

  it('Active: Open details, Disable, Edit, Rotate, Delete; no Enable, no Copy value in the menu', async () => {
    const user = userEvent.setup();
    await renderPage();
    const menu = await openRowMenu(user, withValue.id);
    expect(itemNames(menu)).toEqual(['Open details of Kept value', 'Disable Kept value', 'Edit Kept value', 'Rotate Kept value', 'Delete Kept value']);
  });

  it('Disabled: Enable, not Disable', async () => {
    const user = userEvent.setup();
    await renderPage();
    const names = itemNames(await openRowMenu(user, disabled.id));
    expect(names).toContain('Enable Disabled one');
    expect(names).not.toContain('Disable Disabled one');
    expect(names).toContain('Edit Disabled one');
    expect(names).toContain('Delete Disabled one');
  });

  it('Copy value copies in main and shows a check; main says the rest', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => ({ clearsAt: new Date(Date.now() + 30_000).toISOString() });
    await renderPage();
    const copy = within(rowOf(withValue.id)).getByRole('button', { name: 'Copy value of Kept value' });
    await user.click(copy);
    expect(fakeDesk.calls.filter((c) => c.channel === 'values.copy')).toEqual([{ channel: 'values.copy', input: { id: withValue.id, connectionId: 'c1' } }]);
    await waitFor(() => expect(copy.getAttribute('data-copied')).toBe('true'));
  });

  it('a failed copy says why', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => {
      throw new FakeDeskError({ code: 'keychain_unavailable', message: 'The keychain is locked.' });
    };
    await renderPage();
    await user.click(within(rowOf(withValue.id)).getByRole('button', { name: 'Copy value of Kept value' }));
    await waitFor(() => expect(useToastStore.getState().toasts.at(-1)).toMatchObject({ level: 'error', message: expect.stringContaining('The keychain is locked.') }));
  });

  it('Open details opens the token', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseRowAction(user, active.id, 'Open details of Active one');
    expect(await screen.findByRole('heading', { level: 1, name: 'Active one' })).toBeTruthy();
  });

  it('Rotate opens the rotation flow for that token; Add token opens the wizard in create mode', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseRowAction(user, active.id, 'Rotate Active one');
    expect(useRotationStore.getState().rotating?.map((t) => t.id)).toEqual([active.id]);
    expect(useWizardBridge.getState().open).toBe(false);
    useRotationStore.getState().closeRotate();
    await user.click(screen.getByRole('button', { name: 'Add token' }));
    expect(useWizardBridge.getState()).toMatchObject({ open: true });
  });
});

describe('enable / disable', () => {
  it('enables optimistically, then shows the server answer', async () => {
    const user = userEvent.setup();
    const answer = deferred<TokenView>();
    fakeDesk.handlers['tokens.enable'] = () => answer.promise;
    await renderPage();
    await chooseRowAction(user, disabled.id, 'Enable Disabled one');
    // At once, before the API answered.
    expect(within(rowOf(disabled.id)).getByText('Active')).toBeTruthy();
    expect(itemNames(await openRowMenu(user, disabled.id))).toContain('Disable Disabled one');
    await user.keyboard('{Escape}');
    await act(async () => answer.resolve({ ...disabled, status: 'Active', revision: 2 }));
    expect(within(rowOf(disabled.id)).getByText('Active')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('rolls back with a clear message when the API refuses', async () => {
    const user = userEvent.setup();
    const answer = deferred<TokenView>();
    fakeDesk.handlers['tokens.enable'] = () => answer.promise;
    await renderPage();
    await chooseRowAction(user, disabled.id, 'Enable Disabled one');
    expect(within(rowOf(disabled.id)).getByText('Active')).toBeTruthy();
    await act(async () => answer.reject(new FakeDeskError({ code: 'forbidden', message: 'You may not change this token.' })));
    await waitFor(() => expect(within(rowOf(disabled.id)).getByText('Disabled')).toBeTruthy());
    expect(itemNames(await openRowMenu(user, disabled.id))).toContain('Enable Disabled one');
    await user.keyboard('{Escape}');
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
    await user.click(within(screen.getByRole('dialog', { name: 'Disable “Active one”?' })).getByRole('button', { name: 'Disable token' }));
    await waitFor(() => expect(useToastStore.getState().toasts.at(-1)?.level).toBe('error'));
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

describe('a row reused for another token', () => {
  it('keeps the focus with its token when the rows move under it, and on the row at its place when the token is gone', async () => {
    await renderPage();
    const before = rowIds();
    within(rowOf(withValue.id)).getByRole('button', { name: 'Copy value of Kept value' }).focus();
    // A newer token: every row moves down one place.
    act(() => useTokensStore.getState().applyToken(makeToken({ name: 'Newcomer', audit: { created: { at: new Date(Date.now() + 60_000).toISOString() } } })));
    await waitFor(() => expect(rowIds()).not.toEqual(before));
    expect(rowIds().indexOf(withValue.id)).toBe(before.indexOf(withValue.id) + 1);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Copy value of Kept value');
    expect(document.activeElement?.closest('[data-row-id]')?.getAttribute('data-row-id')).toBe(withValue.id);
    const place = rowIds().indexOf(withValue.id);
    act(() => useTokensStore.getState().removeToken(withValue.id));
    await waitFor(() => expect(rowIds()).not.toContain(withValue.id));
    expect(document.activeElement?.getAttribute('role')).toBe('row');
    expect(document.activeElement?.getAttribute('data-row-id')).toBe(rowIds()[Math.min(place, rowIds().length - 1)]);
  });

  it('shows the copied mark only on the token whose value was copied', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => ({ clearsAt: new Date(Date.now() + 30_000).toISOString() });
    const first = makeToken({ name: 'First kept', hasValue: true });
    const second = makeToken({ name: 'Second kept', hasValue: true });
    const { rerender } = render(<RowActions token={first} own={false} tabIndex={0} />);
    await user.click(screen.getByRole('button', { name: 'Copy value of First kept' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy value of First kept' }).getAttribute('data-copied')).toBe('true'));
    rerender(<RowActions token={second} own={false} tabIndex={0} />);
    expect(screen.getByRole('button', { name: 'Copy value of Second kept' }).getAttribute('data-copied')).toBeNull();
  });
});
