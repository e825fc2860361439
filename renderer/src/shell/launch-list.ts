/**
 * What the page asks for the moment it starts (main.tsx), before the app's own code has loaded:
 * the saved connections, then — once the saved sort is known — the first screen of the cached
 * token list (a few rows, common/first-screen.ts). The whole list (several MB at 100,000
 * tokens) is asked for once the app is mounted. The connections store takes the connections,
 * the tokens store the rest.
 */
import type { ConnectionsState, TokenList } from '../../../common/contract';
import { FIRST_SCREEN_ROWS, sortsFromColumns } from '../../../common/first-screen';
import { desk } from '../desk';
import { markOnce } from '../ui/timing';
import { DEFAULT_SORT, type SortState } from '../../../common/token-sort';
import { DEFAULT_FILTERS, hasActiveFilters } from '../features/tokens/filtering';
import * as prefs from '../features/tokens/prefs';

export interface LaunchFirstScreen {
  list: TokenList;
  sort: SortState;
  activeId: string | null;
}

interface Launch {
  connections: Promise<ConnectionsState>;
  first: Promise<LaunchFirstScreen | null>;
  connectionsTaken: boolean;
  firstTaken: boolean;
  listTaken: boolean;
}

let launch: Launch | null = null;

/** Asks, unless the answers are still waiting to be taken. */
export function askCachedList(): void {
  if (launch && !launch.listTaken) return;
  markOnce('tokens:ask');
  const connections = desk.call('connections.list');
  const first = prefs.load().then(async (p): Promise<LaunchFirstScreen | null> => {
    const sort = p?.sort ?? DEFAULT_SORT;
    if (hasActiveFilters({ ...DEFAULT_FILTERS, ...p?.filters }) || !sortsFromColumns(sort)) return null;
    // The list names its connection, so it is asked once the saved connections have answered (asked alongside the prefs).
    const { activeId } = await connections;
    if (activeId === null) return null;
    const list = await desk.call('tokens.cached', { packed: true, first: { count: FIRST_SCREEN_ROWS, sort }, connectionId: activeId });
    return { list, sort, activeId };
  });
  // Whoever takes an answer reports its failure; one nobody takes must not be an unhandled rejection.
  connections.catch(() => undefined);
  first.catch(() => undefined);
  launch = { connections, first, connectionsTaken: false, firstTaken: false, listTaken: false };
}

/** The launch's connections (null when not asked or already taken). */
export function takeLaunchConnections(): Promise<ConnectionsState> | null {
  if (!launch || launch.connectionsTaken) return null;
  launch.connectionsTaken = true;
  return launch.connections;
}

/** The launch's first screen of the list (null when not asked or already taken; resolves null when there is none). */
export function takeLaunchFirstScreen(): Promise<LaunchFirstScreen | null> | null {
  if (!launch || launch.firstTaken) return null;
  launch.firstTaken = true;
  return launch.first;
}

/**
 * The whole list, with the connections it belongs to (null when not asked or already taken).
 * Asked only now (the app is mounted) and after the first screen: the host answers in order, and
 * a multi-MB reply arriving while the app still starts holds the page's thread.
 */
export function takeCachedList(): Promise<[ConnectionsState, TokenList]> | null {
  if (!launch || launch.listTaken) return null;
  launch.listTaken = true;
  const { connections, first } = launch;
  return first
    .catch(() => null)
    .then(() => connections)
    .then(async (state): Promise<[ConnectionsState, TokenList]> => {
      if (state.activeId === null) return [state, { tokens: [], fetchedAt: null }];
      return [state, await desk.call('tokens.cached', { packed: true, connectionId: state.activeId })];
    });
}
