// @vitest-environment jsdom
import { CONNECTION, daysAgo, deferred, fakeDesk, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useToastStore } from '../../../renderer/src/ui/toast-store';
import { renderPage, resetAll, rowIds, rowOf } from './render-page';

const t1 = makeToken({ name: 'One' });
const t2 = makeToken({ name: 'Two', lastAccessAt: daysAgo(3) });
const t3 = makeToken({ name: 'Three', status: 'Disabled', lastAccessAt: daysAgo(60) });
const t4 = makeToken({ name: 'Four' });
/** The token the connection signs in with (fake-desk's CONNECTION.adminTokenId). */
const admin = makeToken({ name: 'Admin', id: CONNECTION.adminTokenId });

beforeEach(() => {
  resetAll();
  serveTokens([t1, t2, t3, t4, admin]);
});
afterEach(resetAll);

async function select(user: ReturnType<typeof userEvent.setup>, ...names: string[]) {
  for (const name of names) await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
}

describe('multi-select and bulk actions', () => {
  it('"Select all visible" selects only the filtered rows', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'o');
    expect(rowIds().sort()).toEqual([t1.id, t2.id, t4.id].sort());
    await user.click(screen.getByRole('checkbox', { name: 'Select all visible tokens' }));
    expect(screen.getByText('3 selected')).toBeTruthy();
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    expect(screen.getByRole('checkbox', { name: 'Select Two' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Select Three' })).toHaveProperty('checked', false);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'o');
    await user.click(screen.getByRole('checkbox', { name: 'Select all visible tokens' }));
    expect(screen.queryByText(/selected$/)).toBeNull();
  });

  it('bulk disable shows progress per finished token and a per-token result', async () => {
    const user = userEvent.setup();
    const answer = deferred<unknown>();
    fakeDesk.handlers['tokens.bulk'] = () => answer.promise;
    await renderPage();
    await select(user, 'One', 'Two', 'Four');
    await user.click(screen.getByRole('button', { name: 'Disable selected' }));
    expect(fakeDesk.calls.find((c) => c.channel === 'tokens.bulk')?.input).toEqual({ action: 'disable', ids: [t1.id, t2.id, t4.id], connectionId: 'c1' });
    const bar = () => screen.getByRole('progressbar', { name: 'Bulk action progress' });
    expect(bar().getAttribute('aria-valuenow')).toBe('0');
    expect(bar().getAttribute('aria-valuemax')).toBe('3');
    expect(screen.getByText('Disabling 3 tokens…')).toBeTruthy();

    act(() => fakeDesk.emit('tokens.bulkProgress', { done: 1, total: 3, id: t1.id, ok: true }));
    expect(bar().getAttribute('aria-valuenow')).toBe('1');
    act(() => fakeDesk.emit('tokens.bulkProgress', { done: 2, total: 3, id: t2.id, ok: false, message: 'Forbidden' }));
    expect(bar().getAttribute('aria-valuenow')).toBe('2');
    const results = () => within(screen.getByRole('list', { name: 'Result per token' }));
    expect(results().getByText(/Two/).closest('li')!.textContent).toContain('failed: Forbidden');

    await act(async () =>
      answer.resolve({
        results: [
          { id: t1.id, ok: true, token: { ...t1, status: 'Disabled' } },
          { id: t2.id, ok: false, message: 'Forbidden' },
          { id: t4.id, ok: true, token: { ...t4, status: 'Disabled' } },
        ],
      }),
    );
    expect(bar().getAttribute('aria-valuenow')).toBe('3');
    expect(screen.getByText('Disabled 2 of 3 tokens — 1 failed')).toBeTruthy();
    expect(results().getAllByRole('listitem')).toHaveLength(3);
    expect(within(rowOf(t1.id)).getByText('Disabled')).toBeTruthy();
    expect(within(rowOf(t2.id)).getByText('Active')).toBeTruthy();
    expect(within(rowOf(t4.id)).getByText('Disabled')).toBeTruthy();
    // The failed one stays selected so it can be retried.
    expect(screen.getByText('1 selected')).toBeTruthy();
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Disabled 2 of 3 tokens — 1 failed.');
  });

  it('bulk delete asks first, names the tokens, warns about recent use, then removes them', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.bulk'] = ({ ids }: { ids: string[] }) => ({ results: ids.map((id) => ({ id, ok: true })) });
    await renderPage();
    await select(user, 'Two', 'Three');
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 2 tokens?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('Two')).toBeTruthy();
    expect(within(dialog).getByText('Three')).toBeTruthy();
    expect(within(dialog).getByText(/1 of them was used in the last 30 days/)).toBeTruthy();
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.bulk')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 tokens' }));
    expect(await screen.findByText('Deleted 2 of 2 tokens')).toBeTruthy();
    expect(rowIds().sort()).toEqual([t1.id, t4.id, admin.id].sort());
  });

  it('Escape cancels the bulk delete and returns focus', async () => {
    const user = userEvent.setup();
    await renderPage();
    await select(user, 'One');
    const button = screen.getByRole('button', { name: 'Delete selected' });
    await user.click(button);
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.bulk')).toBe(false);
  });

  it('counts what changed and what already was so: "Enabled 1 of 2 tokens — 1 was already Active"', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.bulk'] = () => ({
      results: [
        { id: t1.id, ok: true, outcome: 'unchanged', token: t1 },
        { id: t3.id, ok: true, token: { ...t3, status: 'Active' } },
      ],
    });
    await renderPage();
    await select(user, 'One', 'Three');
    await user.click(screen.getByRole('button', { name: 'Enable selected' }));
    expect(await screen.findByText('Enabled 1 of 2 tokens — 1 was already Active')).toBeTruthy();
    const results = within(screen.getByRole('list', { name: 'Result per token' }));
    expect(results.getByText(/One/).closest('li')!.textContent).toContain('already Active');
    expect(results.getByText(/Three/).closest('li')!.textContent).toContain('enabled');
    expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Enabled 1 of 2 tokens — 1 was already Active.');
    expect(screen.queryByText(/selected$/)).toBeNull();
  });

  it('nothing changed says so: "Enabled 0 of 2 tokens — 2 were already Active"', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.bulk'] = ({ ids }: { ids: string[] }) => ({ results: ids.map((id) => ({ id, ok: true, outcome: 'unchanged' })) });
    await renderPage();
    await select(user, 'One', 'Two');
    await user.click(screen.getByRole('button', { name: 'Enable selected' }));
    expect(await screen.findByText('Enabled 0 of 2 tokens — 2 were already Active')).toBeTruthy();
  });

  it('the token the connection signs in with: the bar says before any click that it is skipped; the results count it as skipped', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.bulk'] = () => ({
      results: [
        { id: t1.id, ok: true, token: { ...t1, status: 'Disabled' } },
        { id: admin.id, ok: false, outcome: 'skipped', message: 'Skipped: this connection signs in with it.' },
      ],
    });
    await renderPage();
    await select(user, 'One');
    expect(screen.queryByText(/skip/)).toBeNull();
    await select(user, 'Admin');
    const bar = within(screen.getByRole('region', { name: 'Bulk actions' }));
    expect(bar.getByText('Disable and Delete skip “Admin”: this connection signs in with it.')).toBeTruthy();
    await user.click(bar.getByRole('button', { name: 'Disable selected' }));
    expect(await screen.findByText('Disabled 1 of 2 tokens — 1 skipped: this connection signs in with it')).toBeTruthy();
    const results = within(screen.getByRole('list', { name: 'Result per token' }));
    expect(results.getByText(/Admin/).closest('li')!.textContent).toContain('Skipped: this connection signs in with it.');
    expect(within(rowOf(admin.id)).getByText('Active')).toBeTruthy();
    // Left alone on purpose: it leaves the selection (trying again would change nothing).
    expect(screen.queryByText(/selected$/)).toBeNull();
  });

  it('bulk delete names the own token apart and does not count it; alone, Delete is off', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.bulk'] = ({ ids }: { ids: string[] }) => ({
      results: ids.map((id) => (id === admin.id ? { id, ok: false, outcome: 'skipped', message: 'Skipped: this connection signs in with it.' } : { id, ok: true })),
    });
    await renderPage();
    await select(user, 'Admin');
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete 0 tokens?' });
    expect(within(dialog).getByText('“Admin” is skipped: this connection signs in with it.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Delete 0 tokens' })).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await select(user, 'Four');
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    dialog = screen.getByRole('dialog', { name: 'Delete 1 token?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete 1 token' }));
    expect(await screen.findByText('Deleted 1 of 2 tokens — 1 skipped: this connection signs in with it')).toBeTruthy();
    expect(rowIds()).toContain(admin.id);
    expect(rowIds()).not.toContain(t4.id);
  });
});
