/**
 * Marks on the page's performance timeline. The benchmarks (tests/bench) read them by name to
 * time the launch and the table, so the names are listed here and nowhere else in the renderer.
 */
export type TimingMark =
  /** The page asks main for the cached list (shell/launch-list.ts). */
  | 'tokens:ask'
  /** The token page starts loading its list. */
  | 'tokens:load-start'
  /** A big list's first screen is in the store, before the whole list. */
  | 'tokens:first-screen'
  /** A list reply (cached or refreshed) has arrived. */
  | 'tokens:reply'
  /** The whole list is in the store. */
  | 'tokens:data'
  /** The grid has rendered its first rows. */
  | 'tokens:first-render'
  /** The Overview's numbers have arrived from main. */
  | 'overview:data'
  /** The Overview with those numbers has been painted. */
  | 'overview:paint'
  /** Quick Access starts reading the stored values. */
  | 'quick:load-start'
  /** Quick Access has its list. */
  | 'quick:list-loaded';

/**
 * Marks the first time only: a launch is timed from its first occurrences, and a later reload
 * of the list (another connection, a retry) must not move them.
 */
export function markOnce(name: TimingMark): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
}
