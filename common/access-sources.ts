/**
 * Where a value was read from, and how the access log names each place. Main decides it from
 * the calling window and the channel (main/core/access-log.ts `accessSourceOf`), never from what
 * a page says: a page that could name its own source could make its reads look like someone
 * else's. Main records only `window`, `quick` and `tray`; the finer views (`table`, `details`,
 * `wizard`, `app`) were a page's own claim and stay readable in a log that already holds them.
 * No schema library here: a token's details show its reads without loading the contract's.
 */
export const accessSources = ['window', 'quick', 'tray', 'table', 'details', 'wizard', 'app'] as const;
export type AccessSource = (typeof accessSources)[number];
/** The sources main records. */
export type AccessSurface = Extract<AccessSource, 'window' | 'quick' | 'tray'>;
export const ACCESS_SOURCE_LABELS: Record<AccessSource, string> = {
  window: 'Token Desk window',
  quick: 'Quick Access',
  tray: 'Tray menu',
  table: 'Token table',
  details: 'Token details',
  wizard: 'Add token wizard',
  app: 'Token Desk',
};
