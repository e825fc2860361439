/**
 * The saved connections and the cached token list, asked for the moment the page starts
 * (main.tsx), before the app's own code has loaded: at 100,000 tokens the list's reply is
 * several MB, and its transfer then overlaps the loading and first render of the app instead of
 * following them. The connections store takes the (small, first) answer, so the page does not
 * wait behind the list for its own; the tokens store takes the list.
 */
import type { ConnectionsState, TokenList } from '../../../common/contract';
import { desk } from '../desk';

let asked: { state: Promise<ConnectionsState> | null; list: Promise<[ConnectionsState, TokenList]> | null } | null = null;

/** Asks, unless an answer is waiting to be taken. */
export function askCachedList(): void {
  if (asked?.list) return;
  if (typeof performance !== 'undefined' && performance.getEntriesByName('tokens:ask').length === 0) performance.mark('tokens:ask');
  const state = desk.call('connections.list');
  const list = Promise.all([state, desk.call('tokens.cached', { packed: true })]);
  // Whoever takes an answer reports its failure; one nobody takes must not be an unhandled rejection.
  state.catch(() => undefined);
  list.catch(() => undefined);
  asked = { state, list };
}

/** The launch's connections (null when not asked or already taken). */
export function takeLaunchConnections(): Promise<ConnectionsState> | null {
  const taken = asked?.state ?? null;
  if (asked) asked.state = null;
  return taken;
}

/** The launch's list, with the connections it belongs to (null when not asked or already taken). */
export function takeCachedList(): Promise<[ConnectionsState, TokenList]> | null {
  const taken = asked?.list ?? null;
  if (asked) asked.list = null;
  return taken;
}
