// @vitest-environment jsdom
import { daysAgo, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, resetAll, rowIds } from './render-page';

const m = (id: string, name: string) => ({ id, name });
// Each column orders these three tokens differently, so a wrong key shows.
const a = makeToken({
  name: 'alpha',
  modules: [m('MOD-0001', 'A'), m('MOD-0002', 'B'), m('MOD-0003', 'C')],
  createdBy: { id: 'USR-0000-0003', name: 'Carla' },
  createdAt: daysAgo(50),
  lastAccessAt: null,
  status: 'Disabled',
});
const b = makeToken({
  name: 'Bravo',
  modules: [m('MOD-0001', 'A')],
  createdBy: { id: 'USR-0000-0001', name: 'anna' },
  createdAt: daysAgo(10),
  lastAccessAt: daysAgo(5),
  status: 'Active',
});
const c = makeToken({
  name: 'charlie 10',
  modules: [m('MOD-0001', 'A'), m('MOD-0002', 'B')],
  createdBy: { id: 'USR-0000-0002', name: 'Ben' },
  createdAt: daysAgo(300),
  lastAccessAt: daysAgo(200),
  status: 'Active',
});

beforeEach(() => {
  resetAll();
  serveTokens([a, b, c]);
});
afterEach(resetAll);

const header = (name: string) => screen.getAllByRole('columnheader').find((h) => within(h).queryByRole('button', { name: new RegExp(`^${name}`) }))!;

describe('token table sorting', () => {
  it('defaults to newest created first', async () => {
    await renderPage();
    expect(rowIds()).toEqual([b.id, a.id, c.id]);
    expect(header('Date created').getAttribute('aria-sort')).toBe('descending');
    expect(header('API token').getAttribute('aria-sort')).toBe('none');
  });

  const cases: [string, string[]][] = [
    ['API token', [a.id, b.id, c.id]], // case-insensitive: alpha, Bravo, charlie
    ['Modules', [b.id, c.id, a.id]], // 1, 2, 3
    ['Created by', [b.id, c.id, a.id]], // anna, Ben, Carla
    ['Date created', [c.id, a.id, b.id]], // oldest first
    ['Last access', [a.id, c.id, b.id]], // never, 200 d, 5 d
    ['Status', [b.id, c.id, a.id]], // Active (id order) then Disabled
  ];

  for (const [column, ascending] of cases) {
    it(`sorts by ${column}: first click ascending, second descending`, async () => {
      const user = userEvent.setup();
      await renderPage();
      // A new column starts ascending; the default column (Date created, descending) flips to ascending.
      await user.click(within(header(column)).getByRole('button'));
      expect(header(column).getAttribute('aria-sort')).toBe('ascending');
      expect(rowIds()).toEqual(ascending);
      await user.click(within(header(column)).getByRole('button'));
      expect(header(column).getAttribute('aria-sort')).toBe('descending');
      if (column === 'Status') expect(rowIds()).toEqual([a.id, b.id, c.id]); // ties keep id order
      else expect(rowIds()).toEqual([...ascending].reverse());
      // Only one column is sorted at a time.
      const sorted = screen.getAllByRole('columnheader').filter((h) => ['ascending', 'descending'].includes(h.getAttribute('aria-sort') ?? ''));
      expect(sorted).toHaveLength(1);
    });
  }

  it('keeps the sort while filtering', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(within(header('API token')).getByRole('button'));
    await user.click(within(header('API token')).getByRole('button'));
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'a');
    expect(rowIds()).toEqual([c.id, b.id, a.id]);
  });
});
