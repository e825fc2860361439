// @vitest-environment jsdom
import { CONNECTION, deferred, fakeDesk, listOf, makeToken, serveTokens } from './fake-desk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { RestoreResult } from '../../../common/contract';
import { packTokenList } from '../../../common/token-list-wire';
import type { TableToken } from '../../../common/token-table';
import { toTable } from '../../../common/token-table-write';
import { Home } from '../../../renderer/src/features/home/Home';
import { useConnectionsStore } from '../../../renderer/src/features/connections/connections-store';
import { resetAll, rowIds } from './render-page';

const cachedToken = makeToken({ name: 'Cached A' });
const state = { connections: [CONNECTION], activeId: 'c1' };

/** The launch: the saved connection's check is held until the test answers it. */
function launch() {
  const check = deferred<RestoreResult>();
  fakeDesk.handlers['connections.restore'] = () => check.promise;
  fakeDesk.handlers['tokens.cached'] = () => ({ tokens: [], packed: packTokenList(toTable([cachedToken as unknown as TableToken]), { valueIds: new Set(), replacedBy: new Map(), replaces: new Map() }), fetchedAt: new Date().toISOString() });
  render(<Home />);
  const restored = act(() => useConnectionsStore.getState().restore());
  return { check, restored };
}

const syncCalls = () => fakeDesk.calls.filter((c) => c.channel === 'tokens.sync').length;

beforeEach(() => {
  resetAll();
  serveTokens([cachedToken]);
  useConnectionsStore.setState({ connections: [], activeId: null, phase: 'starting', needsToken: undefined, offlineMessage: undefined, startupError: undefined });
});
afterEach(resetAll);

describe('start-up: the cached table while the saved connection is checked', () => {
  it('shows the cached rows before the check ends, and refreshes only after it passed', async () => {
    const { check, restored } = launch();
    await screen.findByRole('grid', { name: 'API tokens' });
    expect(rowIds()).toEqual([cachedToken.id]);
    expect(useConnectionsStore.getState().phase).toBe('starting');
    expect(syncCalls()).toBe(0);
    check.resolve({ state, status: 'ok' });
    await restored;
    await waitFor(() => expect(syncCalls()).toBe(1));
    expect(rowIds()).toEqual([cachedToken.id]);
  });

  it('a rejected credential brings the re-enter form, with no refresh and no error meanwhile', async () => {
    fakeDesk.handlers['tokens.sync'] = () => {
      throw new Error('the list must not be refreshed with a rejected credential');
    };
    const { check, restored } = launch();
    await screen.findByRole('grid', { name: 'API tokens' });
    expect(screen.queryByRole('alert')).toBeNull();
    check.resolve({ state, status: 'needs_token', message: 'The Marketplace no longer accepts the saved API token of "Sandbox".' });
    await restored;
    expect(await screen.findByRole('heading', { name: /Re-enter the API token of “Sandbox”/ })).toBeTruthy();
    await act(async () => new Promise((r) => setTimeout(r, 100))); // longer than a refresh would take to start
    expect(syncCalls()).toBe(0);
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('the table loads again (and refreshes) once the token was re-entered', async () => {
    const { check, restored } = launch();
    await screen.findByRole('grid', { name: 'API tokens' });
    check.resolve({ state, status: 'needs_token', message: 'Rejected.' });
    await restored;
    await screen.findByRole('heading', { name: /Re-enter the API token/ });
    fakeDesk.handlers['tokens.sync'] = () => listOf([cachedToken]);
    await act(async () => useConnectionsStore.setState({ needsToken: undefined }));
    await screen.findByRole('grid', { name: 'API tokens' });
    await waitFor(() => expect(syncCalls()).toBe(1));
  });

  it('without a saved connection it says it is opening, then shows the connect screen', async () => {
    fakeDesk.handlers['connections.list'] = () => ({ connections: [], activeId: null });
    const check = deferred<RestoreResult>();
    fakeDesk.handlers['connections.restore'] = () => check.promise;
    render(<Home />);
    const restored = act(() => useConnectionsStore.getState().restore());
    expect(await screen.findByText('Opening your saved connection…')).toBeTruthy();
    check.resolve({ state: { connections: [], activeId: null }, status: 'none' });
    await restored;
    expect(screen.queryByText('Opening your saved connection…')).toBeNull();
    expect(syncCalls()).toBe(0);
  });
});
