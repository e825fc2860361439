// @vitest-environment jsdom
import { fakeDesk, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COLUMNS, layoutFor, minWidth } from '../../../renderer/src/features/tokens/grid/columns';
import { TokenActionsMenu } from '../../../renderer/src/features/tokens/TokenActionsMenu';
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

/**
 * The grid's inner width at the window widths people use: the window less the side navigation,
 * the page's padding, the grid's border and a classic scrollbar (Chromium on Linux).
 */
const GRID_AT = { 880: 679, 1024: 822, 1280: 1039, 1440: 1199 } as const;

describe('columns give way by priority as the grid narrows', () => {
  it('unknown width (no layout engine): every column', () => {
    expect(layoutFor(null).name).toBe('full');
    expect(keys(null)).toEqual(['name', 'modules', 'createdBy', 'createdAt', 'lastAccess', 'status', 'actions']);
  });

  it('from a 1280 px window every column shows, Created by included', () => {
    expect(keys(GRID_AT[1440])).toEqual(['name', 'modules', 'createdBy', 'createdAt', 'lastAccess', 'status', 'actions']);
    expect(keys(GRID_AT[1280])).toEqual(['name', 'modules', 'createdBy', 'createdAt', 'lastAccess', 'status', 'actions']);
    expect(minWidth([])).toBeLessThanOrEqual(GRID_AT[1280]);
  });

  it('narrower, Created by gives way first, then the date created, modules, last access; actions never', () => {
    expect(keys(GRID_AT[1024])).toEqual(['name', 'modules', 'lastAccess', 'status', 'actions']);
    expect(keys(GRID_AT[880])).toEqual(['name', 'lastAccess', 'status', 'actions']);
    expect(keys(560)).toEqual(['name', 'status', 'actions']);
    expect(keys(300)).toEqual(['name', 'status', 'actions']);
  });

  it('the template has one track per shown column plus the checkbox, and keeps aria-colindex', () => {
    for (const width of [null, ...Object.values(GRID_AT), 560, 300]) {
      const layout = layoutFor(width);
      expect(layout.template.split(/ (?![^(]*\))/)).toHaveLength(layout.columns.length + 1);
      expect(layout.columns.find((c) => c.key === 'status')!.colIndex).toBe(7);
      // Every layout's minimum fits the width it was chosen for (or is the last resort).
      if (width !== null && width >= 508) expect(minWidth(COLUMNS.filter((c) => !layout.columns.includes(c)).map((c) => c.key))).toBeLessThanOrEqual(width);
    }
  });
});

describe('the table in a narrow grid', () => {
  it('shows Copy value (with a value) and one "⋯" button per row and fewer columns; the header matches', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('grid-body') ? GRID_AT[880] : 0;
    });
    await renderPage();
    const grid = screen.getByRole('grid', { name: 'API tokens' });
    expect(grid.getAttribute('aria-colcount')).toBe('8');
    expect(within(grid).getAllByRole('columnheader').map((h) => h.getAttribute('aria-colindex'))).toEqual(['1', '2', '6', '7', '8']);
    const row = rowOf(active.id);
    expect(within(row).getAllByRole('gridcell').map((c) => c.getAttribute('aria-colindex'))).toEqual(['1', '2', '6', '7', '8']);
    const buttons = within(row).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(buttons).toEqual(['Active one', 'Actions for Active one']);
    expect(within(rowOf(kept.id)).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Kept value',
      'Copy value of Kept value',
      'Actions for Kept value',
    ]);
    // The full name is on hover too.
    expect(within(row).getByRole('button', { name: 'Active one' }).getAttribute('title')).toBe('Active one');
  });

  it('dates are relative, with the exact time on hover and for screen readers', async () => {
    await renderPage();
    const row = rowOf(active.id);
    for (const cls of ['.cell-created-at', '.cell-last-access']) {
      const time = row.querySelector<HTMLElement>(`${cls} time`);
      if (!time) continue; // a token never used says "Never"
      const exact = time.getAttribute('title')!;
      expect(exact.length).toBeGreaterThan(10);
      expect(time.textContent).toMatch(/ago|now|yesterday|last|today/);
      expect(time.querySelector('.visually-hidden')!.textContent).toBe(`, ${exact}`);
    }
    expect(row.querySelector('.cell-created-at time')).not.toBeNull();
  });
});

describe('the row actions menu', () => {
  it('opens on the first item, arrows wrap, Escape closes and returns focus; keys do not reach the grid', async () => {
    const user = userEvent.setup();
    const gridKeys = vi.fn();
    render(
      <div onKeyDown={(e) => gridKeys(e.key)}>
        <TokenActionsMenu token={active} own={false} tabIndex={0} />
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
    expect(items.map((i) => i.textContent)).toEqual(['Open details', 'Disable', 'Edit', 'Rotate', 'Delete']);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(items[4]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(items[4]);
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
    const trigger = within(rowOf(disabled.id)).getByRole('button', { name: 'Actions for Disabled one' });
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

  it('Copy value is not in the menu: the row shows it as its one button', () => {
    render(<TokenActionsMenu token={kept} own={false} />);
    expect(screen.queryByRole('menuitem', { name: 'Copy value of Kept value' })).toBeNull();
  });
});
