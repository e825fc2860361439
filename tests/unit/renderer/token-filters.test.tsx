// @vitest-environment jsdom
import { daysAgo, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, resetAll, rowIds } from './render-page';

const ci = makeToken({ name: 'CI pipeline', description: 'Used by the build server', createdBy: { id: 'USR-1111-0001', name: 'Reto Mayer' } });
const billing = makeToken({
  name: 'Billing export',
  status: 'Disabled',
  modules: [{ id: 'MOD-1239', name: 'Billing' }],
  lastAccessAt: daysAgo(120),
  createdBy: { id: 'USR-2222-0002', name: 'Grace Tanaka' },
});
const nightly = makeToken({
  name: 'Nightly sync',
  lastAccessAt: null,
  modules: [
    { id: 'MOD-1239', name: 'Billing' },
    { id: 'MOD-1756', name: 'Access Management' },
  ],
});
const probe = makeToken({ name: 'Monitoring probe', lastAccessAt: daysAgo(89) });
const all = [ci, billing, nightly, probe];

beforeEach(() => {
  resetAll();
  serveTokens(all);
});
afterEach(resetAll);

describe('token table filters', () => {
  it('shows every token when no filter is set', async () => {
    await renderPage();
    expect(rowIds().sort()).toEqual(all.map((t) => t.id).sort());
    expect(screen.getByText('4 tokens')).toBeTruthy();
  });

  it('free text matches name, id, description, creator name and creator id (case-insensitive)', async () => {
    const user = userEvent.setup();
    await renderPage();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    const cases: [string, string[]][] = [
      ['nightly', [nightly.id]],
      [billing.id.toLowerCase(), [billing.id]],
      ['BUILD SERVER', [ci.id]],
      ['grace', [billing.id]],
      ['USR-1111-0001', [ci.id]],
      ['pipeline mayer', [ci.id]],
      ['no such token', []],
    ];
    for (const [text, ids] of cases) {
      await user.clear(search);
      await user.type(search, text);
      if (ids.length) expect(rowIds().sort()).toEqual([...ids].sort());
      else expect(screen.getByText('No tokens match these filters.')).toBeTruthy();
    }
    // Every key re-renders the rows with their menus: typing all the cases takes longer than one click.
  }, 15_000);

  it('filters by status', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Disabled');
    expect(rowIds()).toEqual([billing.id]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Active');
    expect(rowIds().sort()).toEqual([ci.id, nightly.id, probe.id].sort());
    expect(screen.getByText('3 of 4 tokens')).toBeTruthy();
  });

  it('filters by module, offering the modules in use', async () => {
    const user = userEvent.setup();
    await renderPage();
    const select = screen.getByRole('combobox', { name: 'Module' });
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual(['All modules', 'Access Management', 'Billing']);
    await user.selectOptions(select, 'MOD-1239');
    expect(rowIds().sort()).toEqual([billing.id, nightly.id].sort());
  });

  it('"unused for 90+ days / never used" keeps never-used and 90+ days, not 89 days', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(screen.getByRole('checkbox', { name: /Unused for 90\+ days/ }));
    expect(rowIds().sort()).toEqual([billing.id, nightly.id].sort());
  });

  it('combines filters and "Clear filters" restores the full list', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(screen.getByRole('checkbox', { name: /Unused for 90\+ days/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Active');
    expect(rowIds()).toEqual([nightly.id]);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'billing');
    expect(screen.getByText('No tokens match these filters.')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(rowIds()).toHaveLength(4));
  });

  it('"/" and Ctrl+F focus the search box', async () => {
    const user = userEvent.setup();
    await renderPage();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
    search.blur();
    await user.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(search);
  });
});
