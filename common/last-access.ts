/**
 * How long ago a token was last used, in the few spans the app speaks of: never, within a week,
 * within a month, within a quarter, or longer. The Overview's chart counts tokens per span
 * (main/core/overview/) and the token table filters on the same span (the `lastAccess` filter of
 * its prefs), so a bar and the table it opens hold exactly the same tokens: the edges live here
 * and nowhere else. The table's "unused" filter and the Overview's staleness finding share
 * `isStale` for the same reason.
 */
import { DAY_MS } from './dates';

/** Spans from the most recent use; each holds what the previous one does not (no overlap). */
export const LAST_ACCESS_BUCKETS = ['never', 'week', 'month', 'quarter', 'older'] as const;
export type LastAccessBucket = (typeof LAST_ACCESS_BUCKETS)[number];

/** The upper edge of each dated span, inclusive: "≤ 7 d", "≤ 30 d", "≤ 90 d"; beyond the last is `older`. */
export const BUCKET_EDGE_DAYS = { week: 7, month: 30, quarter: 90 } as const;

/** The chart's and the filter's words for each span. */
export const LAST_ACCESS_LABELS: Readonly<Record<LastAccessBucket, string>> = {
  never: 'Never used',
  week: 'Within 7 days',
  month: '7–30 days ago',
  quarter: '30–90 days ago',
  older: 'Over 90 days ago',
};

/** The table's last-access filter: '' is "any". */
export const LAST_ACCESS_FILTERS = ['', ...LAST_ACCESS_BUCKETS] as const;
export type LastAccessFilter = (typeof LAST_ACCESS_FILTERS)[number];

/** The staleness threshold when the user has not chosen one. */
export const DEFAULT_STALE_DAYS = 90;

/**
 * The span of a last access (epoch ms; null: never used) seen at `now`, as its position in
 * LAST_ACCESS_BUCKETS (what a count over 100,000 rows indexes with). A time in the future (a
 * clock ahead of this computer's) counts as just used.
 */
export function lastAccessBucketIndex(lastAccessMs: number | null, now: number): number {
  if (lastAccessMs === null) return 0;
  const age = now - lastAccessMs;
  if (age <= BUCKET_EDGE_DAYS.week * DAY_MS) return 1;
  if (age <= BUCKET_EDGE_DAYS.month * DAY_MS) return 2;
  if (age <= BUCKET_EDGE_DAYS.quarter * DAY_MS) return 3;
  return 4;
}

/** The span of a last access (epoch ms; null: never used) seen at `now`. */
export function lastAccessBucketOf(lastAccessMs: number | null, now: number): LastAccessBucket {
  return LAST_ACCESS_BUCKETS[lastAccessBucketIndex(lastAccessMs, now)]!;
}

/** Whether a last access passes the table's last-access filter. */
export function matchesLastAccess(filter: LastAccessFilter, lastAccessMs: number | null, now: number): boolean {
  return filter === '' || lastAccessBucketOf(lastAccessMs, now) === filter;
}

/** Never used, or not used for `days` days or more. */
export function isStale(lastAccessMs: number | null, now: number, days: number = DEFAULT_STALE_DAYS): boolean {
  return lastAccessMs === null || now - lastAccessMs >= days * DAY_MS;
}
