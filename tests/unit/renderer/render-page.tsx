/** Shared setup for the token page tests (import fake-desk first in the test file). */
import { cleanup, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { TokensPage } from '../../../renderer/src/features/tokens/TokensPage';
import { DEFAULT_SORT } from '../../../common/token-sort';
import { DEFAULT_FILTERS } from '../../../renderer/src/features/tokens/filtering';
import { useTokensStore } from '../../../renderer/src/features/tokens/store/tokens-store';
import { useTokensUiStore } from '../../../renderer/src/features/tokens/store/tokens-ui-store';
import { useToastStore } from '../../../renderer/src/ui/toast-store';
import { useRouter } from '../../../renderer/src/shell/router';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';
import { showConnection } from '../../../renderer/src/desk';
import { CONNECTION, fakeDesk } from './fake-desk';

export function resetAll() {
  cleanup();
  fakeDesk.reset();
  useTokensStore.getState().reset();
  useTokensUiStore.setState({ filters: DEFAULT_FILTERS, sort: DEFAULT_SORT, selection: new Set(), focusedId: null, dialog: null });
  useRouter.getState().navigate('/tokens', { replace: true });
  useToastStore.setState({ toasts: [] });
  // The page's connection, named by its token, value and audit calls (tests that need none set the connections store).
  showConnection(CONNECTION.id);
}

export async function renderPage() {
  // The page shows the active connection's list; the app's restore would have set it.
  useConnectionsStore.setState({ connections: [CONNECTION], activeId: CONNECTION.id, phase: 'ready' });
  const result = render(<TokensPage connectionId="c1" />);
  await screen.findByRole('grid', { name: 'API tokens' });
  return result;
}

/** Body rows of the grid, in order. */
export function bodyRows(): HTMLElement[] {
  const grid = screen.getByRole('grid', { name: 'API tokens' });
  return within(grid)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');
}

/** Token ids of the visible rows, in order. */
export function rowIds(): string[] {
  return bodyRows().map((r) => r.getAttribute('data-row-id')!);
}

export function rowOf(id: string): HTMLElement {
  const row = bodyRows().find((r) => r.getAttribute('data-row-id') === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

/** A row's "⋯" menu, opened (the row's actions other than Copy value live there at every width). */
export async function openRowMenu(user: UserEvent, id: string): Promise<HTMLElement> {
  const row = rowOf(id);
  const name = row.querySelector('.token-name')!.textContent!;
  await user.click(within(row).getByRole('button', { name: `Actions for ${name}` }));
  return screen.findByRole('menu', { name: `Actions for ${name}` });
}

/** Chooses `item` (its accessible name, e.g. "Edit Billing sync") in row `id`'s menu. */
export async function chooseRowAction(user: UserEvent, id: string, item: string): Promise<void> {
  const menu = await openRowMenu(user, id);
  await user.click(within(menu).getByRole('menuitem', { name: item }));
}
