// @vitest-environment jsdom
import { CONNECTION, fakeDesk, FakeDeskError, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isOwnToken, ownTokenReason, OWN_TOKEN_BADGE } from '../../../common/own-token';
import { useTokensStore } from '../../../renderer/src/features/tokens/store/tokens-store';
import { useTokensUiStore } from '../../../renderer/src/features/tokens/store/tokens-ui-store';
import { openRowMenu, renderPage, resetAll, rowOf } from './render-page';

const admin = makeToken({ name: 'Admin', id: CONNECTION.adminTokenId });
const other = makeToken({ name: 'Other' });

beforeEach(() => {
  resetAll();
  serveTokens([admin, other]);
});
afterEach(resetAll);

/** The accessible description of an element: the text of the ids its aria-describedby names. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the rule (common/own-token.ts)', () => {
  it('is the token the connection signs in with; no connection, no own token', () => {
    expect(isOwnToken(CONNECTION.adminTokenId, CONNECTION)).toBe(true);
    expect(isOwnToken(other.id, CONNECTION)).toBe(false);
    expect(isOwnToken(CONNECTION.adminTokenId, undefined)).toBe(false);
  });
});

describe('the token the connection signs in with, in the table', () => {
  it('carries the badge on its row, and only there', async () => {
    await renderPage();
    expect(within(rowOf(admin.id)).getByText(OWN_TOKEN_BADGE)).toBeTruthy();
    expect(within(rowOf(other.id)).queryByText(OWN_TOKEN_BADGE)).toBeNull();
  });

  it('its menu shows Disable and Delete disabled with the reason before any click; choosing them does nothing', async () => {
    const user = userEvent.setup();
    await renderPage();
    const menu = await openRowMenu(user, admin.id);
    const disable = within(menu).getByRole('menuitem', { name: 'Disable Admin' });
    const remove = within(menu).getByRole('menuitem', { name: 'Delete Admin' });
    expect(disable.getAttribute('aria-disabled')).toBe('true');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    expect(description(disable)).toBe(ownTokenReason('disable'));
    expect(description(remove)).toBe(ownTokenReason('delete'));
    // The reason is on screen too, under the item.
    expect(within(menu).getByText(ownTokenReason('delete'))).toBeTruthy();
    // Edit and Rotate stay offered.
    expect(within(menu).getByRole('menuitem', { name: 'Edit Admin' }).getAttribute('aria-disabled')).toBeNull();

    await user.click(disable);
    await user.click(remove);
    expect(screen.getByRole('menu')).toBeTruthy(); // still open: nothing was chosen
    expect(useTokensUiStore.getState().dialog).toBeNull();
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.disable' || c.channel === 'tokens.delete')).toBe(false);
    expect(within(rowOf(admin.id)).getByText('Active')).toBeTruthy();
  });

  it('other tokens keep Disable and Delete', async () => {
    const user = userEvent.setup();
    await renderPage();
    const menu = await openRowMenu(user, other.id);
    expect(within(menu).getByRole('menuitem', { name: 'Disable Other' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(menu).getByRole('menuitem', { name: 'Delete Other' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('a stray disable of it changes nothing and says why', async () => {
    await renderPage();
    expect(await useTokensStore.getState().setEnabled(admin.id, false)).toBe(false);
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.disable')).toBe(false);
    expect(useTokensStore.getState().tokens.find((t) => t.id === admin.id)?.status).toBe('Active');
    expect(useTokensStore.getState().actionError).toBe(ownTokenReason('disable'));
  });
});

describe('the token the connection signs in with, in its details', () => {
  it('the header carries the badge; Disable and Delete are disabled with the reason', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(within(rowOf(admin.id)).getByRole('button', { name: 'Admin' }));
    const header = (await screen.findByRole('heading', { level: 1, name: 'Admin' })).closest('header')!;
    expect(within(header).getByText(OWN_TOKEN_BADGE)).toBeTruthy();
    for (const [name, action] of [
      ['Disable Admin', 'disable'],
      ['Delete Admin', 'delete'],
    ] as const) {
      const button = within(header).getByRole('button', { name });
      expect(button.getAttribute('aria-disabled')).toBe('true');
      expect(description(button)).toBe(ownTokenReason(action));
      await user.click(button);
    }
    expect(useTokensUiStore.getState().dialog).toBeNull();
    expect(fakeDesk.calls.some((c) => c.channel === 'tokens.disable')).toBe(false);
  });
});

describe('the Delete confirmation', () => {
  it('for the own token: the reason, and the red button off', async () => {
    await renderPage();
    useTokensUiStore.getState().openDialog({ kind: 'delete', tokenId: admin.id });
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Admin”?' });
    expect(within(dialog).getByText(ownTokenReason('delete'))).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Delete token' })).toHaveProperty('disabled', true);
  });

  it('after a refusal the red button is off; after a failure to reach the API it may be tried again', async () => {
    const user = userEvent.setup();
    let answer: FakeDeskError = new FakeDeskError({ code: 'offline', message: 'The Marketplace cannot be reached.' });
    fakeDesk.handlers['tokens.delete'] = () => {
      throw answer;
    };
    await renderPage();
    useTokensUiStore.getState().openDialog({ kind: 'delete', tokenId: other.id });
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Other”?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete token' });
    await user.click(confirm);
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('cannot be reached'));
    expect(confirm).toHaveProperty('disabled', false);
    answer = new FakeDeskError({ code: 'forbidden', message: 'You may not delete this token.' });
    await user.click(confirm);
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('You may not delete this token.'));
    expect(confirm).toHaveProperty('disabled', true);
  });
});
