// @vitest-environment jsdom
import { daysAgo, fakeDesk, FakeDeskError, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useToastStore } from '../../../renderer/src/ui/toast-store';
import { chooseRowAction, renderPage, resetAll, rowIds, rowOf } from './render-page';

const MODULES = [
  { id: 'MOD-1756', name: 'Access Management' },
  { id: 'MOD-1239', name: 'Billing' },
  { id: 'MOD-0478', name: 'Marketplace' },
];
const token = makeToken({ name: 'Editable', description: 'Old text', revision: 3, icon: '/v1/icon', lastAccessAt: daysAgo(3) });
const stale = makeToken({ name: 'Stale', lastAccessAt: daysAgo(45) });

beforeEach(() => {
  resetAll();
  serveTokens([token, stale]);
  fakeDesk.handlers['tokens.modules'] = () => ({ modules: MODULES, source: 'api', partial: false });
});
afterEach(resetAll);

async function openEdit(user: ReturnType<typeof userEvent.setup>) {
  await renderPage();
  await chooseRowAction(user, token.id, 'Edit Editable');
  const dialog = await screen.findByRole('dialog', { name: 'Edit “Editable”' });
  await within(dialog).findByRole('checkbox', { name: /Billing/ });
  return dialog;
}

describe('edit', () => {
  it('checks the form before calling main', async () => {
    const user = userEvent.setup();
    const dialog = await openEdit(user);
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.click(within(dialog).getByRole('checkbox', { name: /Access Management/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Enter a name.')).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one module.')).toBeTruthy();
    expect(within(dialog).getByLabelText(/^Name/).getAttribute('aria-invalid')).toBe('true');
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.update')).toBe(false);
  });

  it('the wizard’s look: a × close, the same counters, errors only after leaving a field or on Save', async () => {
    const user = userEvent.setup();
    const dialog = await openEdit(user);
    const name = within(dialog).getByLabelText(/^Name/) as HTMLInputElement;
    expect(within(dialog).getByText(`${name.value.trim().length} / 100 characters`)).toBeTruthy();
    expect(within(dialog).getByText(/^\d+ \/ 1000 characters$/)).toBeTruthy();
    // A description over its limit: the counter says so at once, the error once the field is left.
    const description = within(dialog).getByLabelText(/^Description/);
    fireEvent.change(description, { target: { value: 'd'.repeat(1001) } });
    expect(within(dialog).getByText('1001 / 1000 characters')).toBeTruthy();
    fireEvent.blur(description);
    expect(within(dialog).getByText('Description is at most 1000 characters.')).toBeTruthy();
    expect(within(dialog).queryByText('Enter a name.')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close without saving' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.update')).toBe(false);
  });

  it('sends name, description, modules, revision and the logo choice; updates the row', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.update'] = (input: any) => ({ ...token, name: input.name, revision: 4, icon: null });
    const dialog = await openEdit(user);
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), 'Renamed');
    await user.click(within(dialog).getByRole('checkbox', { name: /Billing/ }));
    await user.click(within(dialog).getByRole('radio', { name: 'Remove the logo' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeDesk.calls.find((c) => c.channel === 'tokens.update')?.input).toEqual({
      id: token.id,
      name: 'Renamed',
      description: 'Old text',
      moduleIds: ['MOD-1756', 'MOD-1239'],
      revision: 3,
      icon: null,
      connectionId: 'c1',
    });
    expect(within(rowOf(token.id)).getByRole('button', { name: 'Renamed' })).toBeTruthy();
  });

  it('shows the API field errors at their fields', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.update'] = () => {
      throw new FakeDeskError({ code: 'validation', message: 'The token is not valid.', fields: { name: ['This name is taken.'], moduleIds: ['MOD-1239 is not allowed.'] } });
    };
    const dialog = await openEdit(user);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This name is taken.')).toBeTruthy();
    expect(within(dialog).getByText('MOD-1239 is not allowed.')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain('The token is not valid.');
  });

  it('a conflict is explained; "Load latest version" shows it next to the typed values and saves with the new revision', async () => {
    const user = userEvent.setup();
    let calls = 0;
    fakeDesk.handlers['tokens.update'] = (input: any) => {
      calls++;
      if (calls === 1) throw new FakeDeskError({ code: 'conflict', message: 'Revision mismatch' });
      return { ...token, name: input.name, revision: 6 };
    };
    const latest = { ...token, name: 'Changed by someone', description: 'New text', revision: 5 };
    fakeDesk.handlers['tokens.get'] = () => latest;
    const dialog = await openEdit(user);
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), 'Mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/Someone changed this token after you opened it/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Load latest version' }));
    const latestBox = await within(dialog).findByRole('region', { name: 'Latest saved version' });
    expect(within(latestBox).getByText('Changed by someone')).toBeTruthy();
    expect(within(latestBox).getByText('New text')).toBeTruthy();
    expect((within(dialog).getByLabelText(/^Name/) as HTMLInputElement).value).toBe('Mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const updates = fakeDesk.calls.filter((c) => c.channel === 'tokens.update').map((c) => (c.input as { revision: number }).revision);
    expect(updates).toEqual([3, 5]);
  });
});

describe('delete', () => {
  it('names the token, warns when it was used in the last 30 days, and says the stored value went too', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.delete'] = ({ id }: { id: string }) => ({ id, valueRemoved: true });
    await renderPage();
    await chooseRowAction(user, token.id, 'Delete Editable');
    const dialog = screen.getByRole('dialog', { name: 'Delete “Editable”?' });
    expect(within(dialog).getByText(/This token was used 3 days ago — anything using it will stop working\./)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete token' }));
    await waitFor(() => expect(rowIds()).toEqual([stale.id]));
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Deleted “Editable”. Its stored value was removed from the keychain too.');
  });

  it('no recent-use warning for a token unused for 30+ days; a failure keeps the row and says why', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.delete'] = () => {
      throw new FakeDeskError({ code: 'forbidden', message: 'Only account administrators can delete tokens.' });
    };
    await renderPage();
    await chooseRowAction(user, stale.id, 'Delete Stale');
    const dialog = screen.getByRole('dialog', { name: 'Delete “Stale”?' });
    expect(within(dialog).queryByText(/was used/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Delete token' }));
    expect(await within(dialog).findByText('Only account administrators can delete tokens.')).toBeTruthy();
    // The table behind the modal is inert: close the dialog to look at it.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(rowIds()).toContain(stale.id);
  });
});
