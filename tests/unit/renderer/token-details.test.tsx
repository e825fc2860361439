// @vitest-environment jsdom
import { daysAgo, fakeDesk, FakeDeskError, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useToastStore } from '../../../renderer/src/ui/toast-store';
import { REVEAL_TIMEOUT_MS } from '../../../common/limits';
import { renderPage, resetAll, rowOf } from './render-page';

const stored = makeToken({
  name: 'Stored',
  hasValue: true,
  description: 'Used by CI',
  modules: [
    { id: 'MOD-1756', name: 'Access Management', description: 'Manage the access to your account' },
    { id: 'MOD-1239', name: 'Billing', description: 'View statements' },
  ],
  revision: 4,
  audit: { created: { at: daysAgo(100), by: { id: 'USR-0000-0007', name: 'Reto Mayer' } }, updated: { at: daysAgo(2), by: { id: 'USR-0000-0008', name: 'Uma Keller' } } },
});
const elsewhere = makeToken({ name: 'Elsewhere', hasValue: false });

function auditItem(n: number) {
  return {
    id: `AUD-0000-0000-0000-${String(n).padStart(4, '0')}`,
    event: 'platform.accounts.apiToken.updated',
    summary: `Change ${n}`,
    details: `Details ${n}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    actor: { id: 'USR-0000-0008', name: 'Uma Keller' },
  };
}

beforeEach(() => {
  resetAll();
  serveTokens([stored, elsewhere]);
});
afterEach(() => {
  vi.useRealTimers();
  resetAll();
});

async function openDetails(user: ReturnType<typeof userEvent.setup>, name: string, id: string) {
  await renderPage();
  await user.click(within(rowOf(id)).getByRole('button', { name }));
  return screen.findByRole('heading', { level: 1, name });
}

describe('token details', () => {
  it('header, General tab with the endpoint, Back returns to the table', async () => {
    const user = userEvent.setup();
    await openDetails(user, 'Stored', stored.id);
    expect(screen.getByText(stored.id)).toBeTruthy();
    expect(screen.getByText('Stark Industries')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'General' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(`https://api.example.test/public/v1/accounts/api-tokens/${stored.id}`)).toBeTruthy();
    expect(screen.getByText('Used by CI')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy ID' }));
    expect(await navigator.clipboard.readText()).toBe(stored.id);
    await user.click(screen.getByRole('button', { name: 'Copy API URL' }));
    expect(await navigator.clipboard.readText()).toBe(`https://api.example.test/public/v1/accounts/api-tokens/${stored.id}`);
    await user.click(screen.getByRole('button', { name: '← Back to API tokens' }));
    expect(screen.getByRole('grid', { name: 'API tokens' })).toBeTruthy();
  });

  it('tabs follow the WAI-ARIA keys and show modules and details', async () => {
    const user = userEvent.setup();
    await openDetails(user, 'Stored', stored.id);
    fakeDesk.handlers['audit.token'] = () => ({ items: [], offset: 0, hasMore: false, complete: true, fetchedAt: null });
    screen.getByRole('tab', { name: 'General' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Modules' }));
    const panel = () => screen.getByRole('tabpanel');
    expect(within(panel()).getByText('Billing')).toBeTruthy();
    expect(within(panel()).getByText('Manage the access to your account')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(within(panel()).getByText('Uma Keller')).toBeTruthy();
    expect(within(panel()).getByText('4')).toBeTruthy();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Audit trail' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'General' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Audit trail' }).getAttribute('aria-selected')).toBe('true');
  });

  it('Show reveals the value and hides it again after the timeout; Hide forgets it at once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    fakeDesk.handlers['values.reveal'] = () => ({ value: `idt:${stored.id}:secretSECRET` });
    await openDetails(user, 'Stored', stored.id);
    expect(screen.queryByText(/secretSECRET/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show token value' }));
    expect(await screen.findByText(`idt:${stored.id}:secretSECRET`)).toBeTruthy();
    act(() => vi.advanceTimersByTime(REVEAL_TIMEOUT_MS - 1000));
    expect(screen.getByText(`idt:${stored.id}:secretSECRET`)).toBeTruthy();
    act(() => vi.advanceTimersByTime(1500));
    expect(screen.queryByText(/secretSECRET/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show token value' }));
    await screen.findByText(/secretSECRET/);
    await user.click(screen.getByRole('button', { name: 'Hide token value' }));
    expect(screen.queryByText(/secretSECRET/)).toBeNull();
  });

  it('copy and reveal in the details name only the token (main decides the access-log source)', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => ({ clearsAt: new Date(Date.now() + 30_000).toISOString() });
    fakeDesk.handlers['values.reveal'] = () => ({ value: `idt:${stored.id}:secretSECRET` });
    await openDetails(user, 'Stored', stored.id);
    // One button per meaning: the value card's "Copy value" is the only copy of the value here.
    expect(screen.getAllByRole('button', { name: /^Copy/ }).map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Copy ID', 'Copy API URL', 'Copy value']);
    await user.click(screen.getByRole('button', { name: 'Copy value' }));
    await waitFor(() => expect(useToastStore.getState().toasts.map((t) => t.message)).toEqual(['Copied — clipboard clears in 30 s']));
    await user.click(screen.getByRole('button', { name: 'Show token value' }));
    await screen.findByText(/secretSECRET/);
    expect(fakeDesk.calls.filter((c) => c.channel === 'values.copy' || c.channel === 'values.reveal')).toEqual([
      { channel: 'values.copy', input: { id: stored.id, connectionId: 'c1' } },
      { channel: 'values.reveal', input: { id: stored.id, connectionId: 'c1' } },
    ]);
  });

  it('no stored value: explains why and adds one (format checked locally, verified by main)', async () => {
    const user = userEvent.setup();
    await openDetails(user, 'Elsewhere', elsewhere.id);
    expect(screen.getByText(/shows a token's value only once, when it is created/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show token value' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add value' }));
    const dialog = screen.getByRole('dialog', { name: 'Add the value of “Elsewhere”' });
    const input = within(dialog).getByLabelText('Token value');
    await user.type(input, 'idt:TKN-1234-5678:abc');
    await user.click(within(dialog).getByRole('button', { name: 'Verify and keep' }));
    expect(within(dialog).getByText(`This value belongs to TKN-1234-5678, not ${elsewhere.id}.`)).toBeTruthy();
    expect(fakeDesk.calls.some((c) => c.channel === 'values.add')).toBe(false);

    fakeDesk.handlers['values.add'] = ({ value }: { value: string }) => {
      if (value.endsWith('wrong')) throw new FakeDeskError({ code: 'validation', message: 'Not valid', fields: { value: ['The Marketplace did not accept this value.'] } });
      return { ...elsewhere, hasValue: true };
    };
    await user.clear(input);
    await user.type(input, `idt:${elsewhere.id}:wrong`);
    await user.click(within(dialog).getByRole('button', { name: 'Verify and keep' }));
    expect(await within(dialog).findByText('The Marketplace did not accept this value.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, `idt:${elsewhere.id}:right`);
    await user.click(within(dialog).getByRole('button', { name: 'Verify and keep' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Show token value' })).toBeTruthy();
  }, 15_000); // typing a whole token value key by key is slow on a loaded machine

  it('audit trail: newest first, Load more, offline notice', async () => {
    const user = userEvent.setup();
    // audit.token answers a page of the trail (entries, hasMore); the tab asks for pages of 50.
    const all = Array.from({ length: 60 }, (_, i) => auditItem(i + 1)).reverse(); // newest first, like the API
    fakeDesk.handlers['audit.token'] = ({ offset, limit }: { offset: number; limit: number }) => ({
      items: all.slice(offset, offset + limit).map((r) => ({ ...r, token: { id: stored.id, name: 'Stored' }, account: null })),
      offset,
      hasMore: offset + limit < all.length,
      complete: true,
      fetchedAt: new Date().toISOString(),
      offline: offset > 0 ? { since: new Date().toISOString(), reason: 'timeout' } : undefined,
    });
    await openDetails(user, 'Stored', stored.id);
    await user.click(screen.getByRole('tab', { name: 'Audit trail' }));
    const table = await screen.findByRole('table');
    const firstRow = within(table).getAllByRole('row')[1]!;
    // Each event once: its sentence; the summary and the event code are not repeated beside it.
    expect(firstRow.textContent).toContain('Details 60');
    expect(firstRow.textContent).not.toContain('Change 60');
    expect(firstRow.textContent).not.toContain('platform.accounts.apiToken.updated');
    expect(within(firstRow).getByText('Details 60').closest('td')!.getAttribute('title')).toBe('platform.accounts.apiToken.updated');
    // An id never breaks at its hyphens.
    expect((within(firstRow).getByText('USR-0000-0008') as HTMLElement).style.whiteSpace).toBe('nowrap');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    await user.click(screen.getByRole('button', { name: 'Load older records (50 shown)' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(61));
    expect(within(screen.getByRole('table')).getAllByRole('row')[60]!.textContent).toContain('Details 1');
    expect(screen.queryByRole('button', { name: /Load older records/ })).toBeNull();
    expect(screen.getByText(/^Offline — showing data from .+ because the Marketplace did not answer in time\.$/)).toBeTruthy();
  });

  it('audit trail offline with nothing of it saved: a failure with Retry, which loads it once the API answers', async () => {
    const user = userEvent.setup();
    let online = false;
    fakeDesk.handlers['audit.token'] = () =>
      online
        ? { items: [{ ...auditItem(1), token: { id: stored.id, name: 'Stored' }, account: null }], offset: 0, hasMore: false, complete: true, fetchedAt: new Date().toISOString() }
        : { items: [], offset: 0, hasMore: false, complete: false, fetchedAt: null, offline: { since: '2026-01-02T11:30:00.000Z', reason: 'offline' } };
    await openDetails(user, 'Stored', stored.id);
    await user.click(screen.getByRole('tab', { name: 'Audit trail' }));
    const alert = await screen.findByRole('alert');
    const since = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-01-02T11:30:00.000Z'));
    expect(alert.textContent).toContain(`Offline — at ${since} the Marketplace could not be reached, and nothing is saved on this computer yet.`);
    expect(screen.queryByText(/showing data from/)).toBeNull();
    // One sentence says nothing is saved: no second line repeats it.
    expect(screen.getAllByText(/saved on this computer/)).toHaveLength(1);
    online = true;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('disable and enable from the details', () => {
  it('Disable asks first, saying what happens to integrations; it ends in a toast whose Undo enables again', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.disable'] = () => ({ ...stored, status: 'Disabled' });
    fakeDesk.handlers['tokens.enable'] = () => ({ ...stored, status: 'Active' });
    await openDetails(user, 'Stored', stored.id);
    await user.click(screen.getByRole('button', { name: 'Disable Stored' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable “Stored”?' });
    expect(dialog.textContent).toMatch(/Integrations that use it are refused/);
    // Cancel changes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.disable')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Disable Stored' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Disable “Stored”?' })).getByRole('button', { name: 'Disable token' }));
    await waitFor(() => expect(useToastStore.getState().toasts.at(-1)?.message).toMatch(/^Disabled “Stored”\./));
    expect(screen.getByRole('button', { name: 'Enable Stored' })).toBeTruthy();
    const disabled = useToastStore.getState().toasts.at(-1)!;
    expect(disabled.action?.label).toBe('Undo');

    act(() => disabled.action!.run());
    await waitFor(() => expect(useToastStore.getState().toasts.at(-1)?.message).toBe('Enabled “Stored”.'));
    expect(fakeDesk.calls.filter((c) => c.channel === 'tokens.disable' || c.channel === 'tokens.enable').map((c) => c.channel)).toEqual(['tokens.disable', 'tokens.enable']);
    expect(await screen.findByRole('button', { name: 'Disable Stored' })).toBeTruthy();
  });

  it('a refused Enable is a toast on the details page', async () => {
    const user = userEvent.setup();
    const off = makeToken({ name: 'Off', status: 'Disabled' });
    serveTokens([stored, elsewhere, off]);
    fakeDesk.handlers['tokens.enable'] = () => {
      throw new FakeDeskError({ code: 'forbidden', message: 'Not allowed.' });
    };
    await openDetails(user, 'Off', off.id);
    await user.click(screen.getByRole('button', { name: 'Enable Off' }));
    await waitFor(() => expect(useToastStore.getState().toasts.at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/Could not enable “Off”/) }));
  });
});
