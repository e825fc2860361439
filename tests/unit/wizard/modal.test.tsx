// @vitest-environment jsdom
/**
 * The wizard is a real modal over the token table: opened with the native showModal(), the table
 * behind it is inert (out of the accessibility tree, not reachable by Tab) until it closes.
 * jsdom has no showModal(): tests/unit/setup/dialog-polyfill.ts stands in for it with the
 * spec's effect on the page; the browser itself is checked in tests/e2e/wizard-a11y.spec.ts.
 */
import { fakeDesk, makeToken, serveTokens } from '../renderer/fake-desk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TokensPage } from '../../../renderer/src/features/tokens/TokensPage';
import { AddTokenWizard } from '../../../renderer/src/features/wizard/AddTokenWizard';
import { useWizardBridge } from '../../../renderer/src/features/wizard/wizard-bridge';
import { resetAll } from '../renderer/render-page';
import { MODULES } from './harness';

beforeEach(() => {
  resetAll();
  useWizardBridge.setState({ open: false });
  serveTokens([makeToken({ name: 'First' }), makeToken({ name: 'Second' })]);
  fakeDesk.handlers['tokens.modules'] = () => ({ modules: MODULES, source: 'api', partial: false });
});
afterEach(() => {
  resetAll();
  useWizardBridge.setState({ open: false });
  vi.restoreAllMocks();
});

async function renderApp() {
  render(
    <>
      <TokensPage connectionId="c1" />
      <AddTokenWizard />
    </>,
  );
  return screen.findByRole('grid', { name: 'API tokens' });
}

describe('the token table while the wizard is open', () => {
  it('is unreachable: not in the accessibility tree, inert, and Tab never lands in it; all back once the wizard closes', async () => {
    const user = userEvent.setup();
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const grid = await renderApp();
    // Control: before, the table's checkboxes are there for a user (and this test) to find.
    expect(screen.getAllByRole('checkbox').length).toBeGreaterThan(0);

    const add = screen.getByRole('button', { name: 'Add token' });
    await user.click(add);
    const wizard = await screen.findByRole('dialog', { name: 'Add API token' });
    expect(showModal).toHaveBeenCalledTimes(1);
    expect((wizard as HTMLDialogElement).open).toBe(true);

    // "The first checkbox" is no longer one of the table's: the General step has none, the table is hidden.
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByRole('grid')).toBeNull();
    expect(grid.closest('[inert]')).not.toBeNull();
    expect(wizard.closest('[inert]')).toBeNull();

    // Tab and Shift+Tab go round the wizard only.
    const visited = new Set<Element>();
    for (let i = 0; i < 25; i++) {
      await user.tab({ shift: i >= 12 });
      const active = document.activeElement!;
      visited.add(active);
      expect(wizard.contains(active), `Tab ${i + 1} left the wizard for ${active.outerHTML.slice(0, 80)}`).toBe(true);
    }
    expect(visited.size).toBeGreaterThan(3);

    // The Modules step has checkboxes: they are the wizard's, none of the table's.
    await user.type(within(wizard).getByLabelText(/^Name/), 'CI robot');
    await user.click(within(wizard).getByRole('button', { name: 'Next' }));
    await within(wizard).findByLabelText('Access Management');
    expect(screen.getAllByRole('checkbox').every((box) => wizard.contains(box))).toBe(true);

    // Closing (Cancel, then Discard) gives the table back and focus to the button that opened the wizard.
    await user.click(within(wizard).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(grid.closest('[inert]')).toBeNull();
    expect(screen.getByRole('grid', { name: 'API tokens' })).toBe(grid);
    expect(screen.getAllByRole('checkbox').length).toBeGreaterThan(0);
    expect(document.activeElement).toBe(add);
  });

  it('the discard question is modal over the wizard too: the wizard behind it is inert until it is answered', async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByRole('button', { name: 'Add token' }));
    const wizard = await screen.findByRole('dialog', { name: 'Add API token' });
    const name = within(wizard).getByLabelText(/^Name/);
    await user.type(name, 'half done');
    await user.keyboard('{Escape}');

    const question = screen.getByRole('alertdialog', { name: 'Discard this new token?' });
    expect(screen.queryByRole('dialog', { name: 'Add API token' })).toBeNull();
    expect(name.closest('[inert]')).not.toBeNull();
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep editing' }));

    await user.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('dialog', { name: 'Add API token' })).toBe(wizard);
    expect(name.closest('[inert]')).toBeNull();
    // Focus is back where it was when the question opened.
    expect(document.activeElement).toBe(name);
  });
});
