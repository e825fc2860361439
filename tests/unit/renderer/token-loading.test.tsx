// @vitest-environment jsdom
import { deferred, fakeDesk, FakeDeskError, listOf, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TokensPage } from '../../../renderer/src/features/tokens/TokensPage';
import { useWizardBridge } from '../../../renderer/src/features/wizard/wizard-bridge';
import { useTokensStore } from '../../../renderer/src/features/tokens/store/tokens-store';
import { packTokenList } from '../../../common/token-list-wire';
import { toTable } from '../../../common/token-table-write';
import type { TokenView } from '../../../common/contract';
import { resetAll, rowIds } from './render-page';
import { knownOrder, sortIndexed } from '../../../renderer/src/features/tokens/sorting';
import { indexTokens } from '../../../renderer/src/features/tokens/token-index';

const a = makeToken({ name: 'Cached A' });
const b = makeToken({ name: 'Fresh B' });

beforeEach(() => {
  resetAll();
  serveTokens([a]);
});
afterEach(resetAll);

const packedOf = (tokens: TokenView[], fetchedAt: string) => ({
  tokens: [],
  packed: packTokenList(toTable(tokens), { valueIds: new Set(), replacedBy: new Map(), replaces: new Map() }),
  fetchedAt,
});

describe('a refresh that brings the list already on screen', () => {
  it('keeps the rows as they are (no unpacking again) and takes the new fetch time; a changed list replaces them', async () => {
    fakeDesk.handlers['tokens.cached'] = () => packedOf([a], '2026-01-01T00:00:00.000Z');
    fakeDesk.handlers['tokens.sync'] = () => packedOf([a], '2026-01-02T00:00:00.000Z');
    render(<TokensPage connectionId="c1" />);
    await screen.findByRole('grid');
    await act(async () => undefined);
    const shown = useTokensStore.getState().tokens;
    await act(() => useTokensStore.getState().load());
    expect(useTokensStore.getState().tokens).toBe(shown);
    expect(useTokensStore.getState().fetchedAt).toBe('2026-01-02T00:00:00.000Z');
    // A row changed here (an action's answer): the same list from main is unpacked again.
    act(() => useTokensStore.getState().applyToken({ ...shown[0]!, name: 'Renamed here' }));
    await act(() => useTokensStore.getState().load());
    expect(useTokensStore.getState().tokens[0]!.name).toBe('Cached A');
    fakeDesk.handlers['tokens.sync'] = () => packedOf([a, b], '2026-01-03T00:00:00.000Z');
    await act(() => useTokensStore.getState().load());
    expect(rowIds().sort()).toEqual([a.id, b.id].sort());
  });
});

describe('a big refresh', () => {
  it('is built a slice at a time (the page answers between slices) into the same rows, in order', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => makeToken({ name: `Robot ${i}` }));
    fakeDesk.handlers['tokens.cached'] = () => packedOf([a], '2026-01-01T00:00:00.000Z');
    render(<TokensPage connectionId="c1" />);
    await screen.findByRole('grid');
    await act(async () => undefined);
    fakeDesk.handlers['tokens.sync'] = () => packedOf(many, '2026-01-02T00:00:00.000Z');
    // Timers queued while the refresh runs: each one that fires before the list is in the store is a turn the page got.
    let turnsBefore = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      turnsBefore++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    // A clock that moves 5 ms per reading: every slice of the read and of the build runs out, as
    // on a slow machine (here the work itself takes a few ms).
    let clock = Date.now();
    const slow = () => (clock += 5);
    const perf = vi.spyOn(performance, 'now').mockImplementation(slow);
    const date = vi.spyOn(Date, 'now').mockImplementation(slow);
    try {
      await act(async () => {
        await useTokensStore.getState().load();
        done = true;
      });
    } finally {
      perf.mockRestore();
      date.mockRestore();
    }
    expect(turnsBefore).toBeGreaterThan(3);
    const { tokens, entries } = useTokensStore.getState();
    expect(tokens.map((t) => t.id)).toEqual(many.map((t) => t.id));
    expect(entries.map((e) => e.token)).toEqual(tokens);
  });
});

describe('a big refresh of the big list on screen', () => {
  it('carries the kept sort order over before the swap, and shows what a fresh sort and search would', async () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const many = Array.from({ length: 10_000 }, (_, i) => makeToken({ name: `Robot ${i}`, audit: { created: { at: at(i) } } }));
    fakeDesk.handlers['tokens.cached'] = () => packedOf(many, '2026-01-01T00:00:00.000Z');
    fakeDesk.handlers['tokens.sync'] = () => deferred<never>().promise;
    render(<TokensPage connectionId="c1" />);
    await screen.findByText('10,000 tokens', undefined, { timeout: 5_000 });
    await waitFor(() => expect(knownOrder(useTokensStore.getState().entries, 'createdAt')).toBeDefined());
    // The refresh: one token renamed and made the newest, one gone, one new (newer still).
    const renamed = { ...many[5]!, name: 'Renamed pipeline', audit: { created: { at: at(20_000) } } };
    const added = makeToken({ name: 'New pipeline', audit: { created: { at: at(30_000) } } });
    const after = [...many.slice(0, 5), renamed, ...many.slice(7), added];
    fakeDesk.handlers['tokens.sync'] = () => packedOf(after, '2026-01-02T00:00:00.000Z');
    let keptBeforeSwap: boolean | null = null;
    const unsubscribe = useTokensStore.subscribe((s, prev) => {
      if (s.entries !== prev.entries) keptBeforeSwap = knownOrder(s.entries, 'createdAt') !== undefined;
    });
    await act(() => useTokensStore.getState().load());
    unsubscribe();
    expect(keptBeforeSwap).toBe(true);
    const fresh = indexTokens(after);
    expect(sortIndexed(useTokensStore.getState().entries, { key: 'createdAt', dir: 'desc' }).map((e) => e.token.id)).toEqual(
      sortIndexed(fresh, { key: 'createdAt', dir: 'desc' }).map((e) => e.token.id),
    );
    expect(rowIds().slice(0, 2)).toEqual([added.id, renamed.id]);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'pipeline');
    await waitFor(() => expect(rowIds()).toEqual([added.id, renamed.id]));
  }, 30_000);
});

describe('a big cached list', () => {
  it('shows its first screen (in the saved order) at once, then the whole list', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeToken({ name: `Robot ${i}`, audit: { created: { at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() } } }));
    fakeDesk.handlers['tokens.cached'] = () => packedOf(many, '2026-01-01T00:00:00.000Z');
    fakeDesk.handlers['tokens.sync'] = () => deferred<unknown>().promise;
    const seen: Array<[number, number | null]> = [];
    const stop = useTokensStore.subscribe((s) => seen.push([s.tokens.length, s.loadingTotal]));
    render(<TokensPage connectionId="c1" />);
    await screen.findByText('Loading all 10,000 tokens…');
    // The newest first (the default sort), and only a screenful built.
    expect(rowIds()[0]).toBe(many[9_999]!.id);
    expect(useTokensStore.getState().tokens).toHaveLength(40);
    await screen.findByText('10,000 tokens', undefined, { timeout: 5_000 });
    stop();
    expect(seen.filter(([, total]) => total === 10_000).every(([n]) => n === 40)).toBe(true);
    expect(useTokensStore.getState().tokens).toHaveLength(10_000);
    expect(rowIds()[0]).toBe(many[9_999]!.id);
  }, 15_000); // 10,000 rows in jsdom: slow on a busy machine
});

describe('the launch', () => {
  it('asks for the first screen (in the sort the page will use) before the whole list, and shows it first', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeToken({ name: `Robot ${i}`, audit: { created: { at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() } } }));
    const newestFirst = [...many].reverse();
    const whole = packedOf(many, '2026-01-01T00:00:00.000Z');
    const full = deferred<unknown>();
    fakeDesk.handlers['tokens.cached'] = (input: { first?: { count: number } }) =>
      input.first ? { ...packedOf(newestFirst.slice(0, input.first.count), '2026-01-01T00:00:00.000Z'), total: many.length } : full.promise;
    fakeDesk.handlers['tokens.sync'] = () => deferred<unknown>().promise;
    const { askCachedList } = await import('../../../renderer/src/shell/launch-list');
    askCachedList();
    render(<TokensPage connectionId="c1" />);
    await screen.findByText('Loading all 10,000 tokens…');
    expect(rowIds()[0]).toBe(many[9_999]!.id);
    expect(useTokensStore.getState().tokens).toHaveLength(40);
    const asked = () => fakeDesk.calls.filter((c) => c.channel === 'tokens.cached').map((c) => c.input);
    // Both name the connection the saved connections said is active (the page's state does not exist yet).
    const firstAsk = { packed: true, first: { count: 40, sort: { key: 'createdAt', dir: 'desc' } }, connectionId: 'c1' };
    await waitFor(() => expect(asked()).toEqual([firstAsk, { packed: true, connectionId: 'c1' }])); // the whole list after the first screen
    await act(async () => full.resolve(whole));
    await screen.findByText('10,000 tokens', undefined, { timeout: 5_000 });
    expect(useTokensStore.getState().tokens).toHaveLength(10_000);
    expect(rowIds()[0]).toBe(many[9_999]!.id);
  });
});

describe('loading, offline, error and empty states', () => {
  it('shows the cached list at once, then the synced one, with progress while it loads', async () => {
    const sync = deferred<unknown>();
    fakeDesk.handlers['tokens.cached'] = () => listOf([a]);
    fakeDesk.handlers['tokens.sync'] = () => sync.promise;
    render(<TokensPage connectionId="c1" />);
    await screen.findByRole('grid');
    expect(rowIds()).toEqual([a.id]);
    act(() => fakeDesk.emit('tokens.progress', { loaded: 200, total: 800 }));
    const bar = screen.getByRole('progressbar', { name: 'Loading API tokens' });
    expect(bar.getAttribute('aria-valuenow')).toBe('200');
    expect(bar.getAttribute('aria-valuemax')).toBe('800');
    await act(async () => sync.resolve(listOf([a, b])));
    expect(rowIds().sort()).toEqual([a.id, b.id].sort());
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('offline: keeps showing the data and says from when', async () => {
    fakeDesk.handlers['tokens.sync'] = () => ({ tokens: [a], fetchedAt: '2026-01-02T10:00:00.000Z', offline: { since: '2026-01-02T11:30:00.000Z', reason: 'offline' } });
    render(<TokensPage connectionId="c1" />);
    await screen.findByRole('grid');
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-01-02T10:00:00.000Z'));
    expect(screen.getByText(`Offline — showing data from ${expected} because the Marketplace could not be reached.`)).toBeTruthy();
  });

  it('error with nothing cached: the message and a Retry that works', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.sync'] = () => {
      throw new FakeDeskError({ code: 'unauthorized', message: 'The admin token was rejected.' });
    };
    render(<TokensPage connectionId="c1" />);
    expect(await screen.findByText('Could not load the API tokens: The admin token was rejected.')).toBeTruthy();
    fakeDesk.handlers['tokens.sync'] = () => listOf([b]);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('grid');
    expect(rowIds()).toEqual([b.id]);
  });

  it('empty account: "No API tokens yet" with Add one', async () => {
    const user = userEvent.setup();
    fakeDesk.handlers['tokens.sync'] = () => listOf([]);
    render(<TokensPage connectionId="c1" />);
    expect(await screen.findByText('No API tokens yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add one' }));
    expect(useWizardBridge.getState()).toMatchObject({ open: true });
  });

  it('switching connection reloads from scratch', async () => {
    const view = render(<TokensPage connectionId="c1" />);
    await screen.findByRole('grid');
    expect(rowIds()).toEqual([a.id]);
    fakeDesk.handlers['tokens.sync'] = () => listOf([b]);
    view.rerender(<TokensPage connectionId="c2" />);
    await screen.findByRole('button', { name: 'Fresh B' });
    expect(rowIds()).toEqual([b.id]);
  });
});
