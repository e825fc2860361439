// @vitest-environment jsdom
import { fakeDesk, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { layoutFor } from '../../../renderer/src/features/tokens/grid/columns';
import { TokenActionsMenu } from '../../../renderer/src/features/tokens/TokenActionsMenu';
import { useToastStore } from '../../../renderer/src/ui/toast-store';
import { Notices } from '../../../renderer/src/shell/Notices';
import { renderPage, resetAll, rowOf } from './render-page';

const active = makeToken({ name: 'Active one', status: 'Active' });
const disabled = makeToken({ name: 'Disabled one', status: 'Disabled' });
const kept = makeToken({ name: 'Kept value', status: 'Active', hasValue: true });

beforeEach(() => {
  resetAll();
  serveTokens([active, disabled, kept]);
});
afterEach(() => {
  vi.restoreAllMocks();
  resetAll();
});

const keys = (width: number | null) => layoutFor(width).columns.map((c) => c.key);

describe('columns give way by priority as the grid narrows', () => {
  it('unknown width (no layout engine): every column, inline actions', () => {
    expect(layoutFor(null)).toMatchObject({ actions: 'inline' });
    expect(keys(null)).toEqual(['name', 'modules', 'createdBy', 'createdAt', 'lastAccess', 'status', 'actions']);
  });

  it('Created by first, then the actions fold into a menu, then dates, modules, last access', () => {
    expect(layoutFor(1200)).toMatchObject({ actions: 'inline' });
    expect(keys(1200)).toHaveLength(7);
    // The app's default window (1280 px) leaves the grid about 1040 px: inline actions, no Created by.
    expect(layoutFor(1040)).toMatchObject({ actions: 'inline' });
    expect(keys(1040)).not.toContain('createdBy');
    expect(layoutFor(900)).toMatchObject({ actions: 'menu' });
    expect(keys(900)).toContain('createdBy');
    expect(keys(780)).toEqual(['name', 'modules', 'createdAt', 'lastAccess', 'status', 'actions']);
    expect(keys(660)).toEqual(['name', 'modules', 'lastAccess', 'status', 'actions']);
    expect(keys(300)).toEqual(['name', 'status', 'actions']);
  });

  it('the template has one track per shown column plus the checkbox, and keeps aria-colindex', () => {
    for (const width of [null, 1200, 1040, 900, 780, 660, 300]) {
      const layout = layoutFor(width);
      expect(layout.template.split(/ (?![^(]*\))/)).toHaveLength(layout.columns.length + 1);
      expect(layout.columns.find((c) => c.key === 'status')!.colIndex).toBe(7);
    }
  });
});

describe('the table in a narrow grid', () => {
  it('shows one "⋯" button per row and fewer columns; the header matches', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('grid-body') ? 660 : 0;
    });
    await renderPage();
    const grid = screen.getByRole('grid', { name: 'API tokens' });
    expect(grid.getAttribute('aria-colcount')).toBe('8');
    expect(within(grid).getAllByRole('columnheader').map((h) => h.getAttribute('aria-colindex'))).toEqual(['1', '2', '3', '6', '7', '8']);
    const row = rowOf(active.id);
    expect(within(row).getAllByRole('gridcell').map((c) => c.getAttribute('aria-colindex'))).toEqual(['1', '2', '3', '6', '7', '8']);
    const buttons = within(row).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(buttons).toEqual(['Active one', 'Actions for Active one']);
    // The full name is on hover too.
    expect(within(row).getByRole('button', { name: 'Active one' }).getAttribute('title')).toBe('Active one');
  });
});

describe('the row actions menu', () => {
  it('opens on the first item, arrows wrap, Escape closes and returns focus; keys do not reach the grid', async () => {
    const user = userEvent.setup();
    const gridKeys = vi.fn();
    render(
      <div onKeyDown={(e) => gridKeys(e.key)}>
        <TokenActionsMenu token={active} tabIndex={0} />
      </div>,
    );
    const button = screen.getByRole('button', { name: 'Actions for Active one' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Actions for Active one' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Disable', 'Edit', 'Rotate', 'Delete']);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[3]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(gridKeys.mock.calls.map(([k]) => k)).not.toContain('ArrowDown');
    expect(gridKeys.mock.calls.map(([k]) => k)).not.toContain('Escape');

    // ArrowUp on the button opens on the last item; Tab closes and returns focus.
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Delete'));
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('an item runs the action with focus back on the button; a click outside closes', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.enable'] = () => ({ ...disabled, status: 'Active' });
    await renderPage();
    const button = within(rowOf(disabled.id)).getByRole('button', { name: 'Enable Disabled one' });
    expect(button).toBeTruthy(); // wide (jsdom): inline buttons
    render(<TokenActionsMenu token={disabled} />);
    const trigger = screen.getByRole('button', { name: 'Actions for Disabled one' });
    await user.click(trigger);
    await screen.findByRole('menu');
    await user.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(trigger);
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Enable Disabled one' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    await waitFor(() => expect(fakeDesk.calls.filter((c) => c.channel === 'tokens.enable')).toEqual([{ channel: 'tokens.enable', input: { id: disabled.id, connectionId: 'c1' } }]));
  });

  it("Copy value shows main's one notice (the menu is gone by then, and adds none of its own)", async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['values.copy'] = () => {
      fakeDesk.emit('app.notice', { level: 'success', message: 'Copied Kept value — clipboard clears in 30 s' });
      return { clearsAt: new Date(Date.now() + 30_000).toISOString() };
    };
    render(
      <>
        <Notices />
        <TokenActionsMenu token={kept} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Actions for Kept value' }));
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Copy value of Kept value' }));
    await waitFor(() => expect(useToastStore.getState().toasts.map((n) => n.message)).toEqual(['Copied Kept value — clipboard clears in 30 s']));
    expect(fakeDesk.calls.filter((c) => c.channel === 'values.copy')).toEqual([{ channel: 'values.copy', input: { id: kept.id, connectionId: 'c1' } }]);
  });
});
