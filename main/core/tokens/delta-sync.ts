/**
 * Full and delta sync of the token list.
 *
 * A full sync pages through every token. After it, a refresh asks only for what changed: the
 * tokens created, updated or used at or after a MARK (server time), plus the list's count
 * (`limit=0`), both at once. So an unchanged account costs 2 requests and 100 changed tokens 3.
 * If the count disagrees with the merged list, tokens were deleted (client and vendor accounts
 * no longer list them): one id-only listing finds which; anything stranger (a token we never
 * saw, the count still off) falls back to a full sync, which is always right.
 *
 * The mark is computed from the server's own timestamps only, never this computer's clock (it
 * may be minutes off): a change we did not see happened after the sync started, at server
 * time S0 ≥ (newest stamp we saw) − (the sync's duration). We keep that bound minus an overlap
 * of OVERLAP_MS (clock rate, same-millisecond updates), and merge by id, so a token that comes
 * back twice is simply replaced.
 */
import type { ApiToken } from '../../../common/domain';
import type { TokenTable } from '../../../common/token-table';
import { tableBuilder } from '../../../common/token-table-write';
import { maskTokenValues } from '../../../common/token-value';
import type { TokensApi } from '../api/tokens';
import type { FetchAllOptions } from '../api/pagination';

export const OVERLAP_MS = 1_000;

export interface SyncBase {
  /** The ids of the list we hold (a delta never needs the tokens themselves). */
  ids: readonly string[];
  /** Where the next delta starts; null: only a full sync will do. */
  mark: string | null;
}

export type SyncResult =
  /**
   * The whole list (first sync, or the delta could not be trusted), as the compact table
   * (free text masked), built page by page as the pages arrive.
   */
  | { kind: 'full'; table: TokenTable; mark: string | null }
  /** What changed: tokens to write over (or add to) the list, ids to take out (`delta+ids`: found by an id listing). */
  | { kind: 'delta' | 'delta+ids'; changed: ApiToken[]; removed: string[]; mark: string | null };

export interface SyncOptions extends Pick<FetchAllOptions, 'onProgress' | 'signal' | 'concurrency' | 'window'> {
  now?: () => number;
}

/** The newest server timestamp on a token (created, updated, last access). */
function newestStamp(t: ApiToken): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const at of [t.audit?.created?.at, t.audit?.updated?.at, t.lastAccessAt]) {
    if (typeof at !== 'string') continue;
    const ms = Date.parse(at);
    if (ms > best) best = ms;
  }
  return best;
}

/** The newest server timestamp on any of `items`, or `since` when that is newer. */
function newestOf(items: readonly ApiToken[], since = Number.NEGATIVE_INFINITY): number {
  let newest = since;
  for (const t of items) {
    const s = newestStamp(t);
    if (s > newest) newest = s;
  }
  return newest;
}

/**
 * `newestOf` for rows `from`… of a table: its time columns hold the stamps as epoch ms already,
 * so a full sync does not parse three dates per token a second time.
 */
function newestRow(t: TokenTable, from: number, since: number): number {
  let newest = since;
  for (const col of [t.createdAt, t.updatedAt, t.lastAccessAt]) {
    for (let i = from; i < col.length; i++) {
      const s = col[i];
      const ms = typeof s === 'number' ? s : typeof s === 'string' ? Date.parse(s) : Number.NEGATIVE_INFINITY;
      if (ms > newest) newest = ms;
    }
  }
  return newest;
}

/** The next mark after a sync that saw `items` and took `durationMs`; never before `previous`. */
export function nextMark(items: readonly ApiToken[], durationMs: number, previous: string | null): string | null {
  return markAfter(newestOf(items), durationMs, previous);
}

function markAfter(newest: number, durationMs: number, previous: string | null): string | null {
  const prev = previous ? Date.parse(previous) : Number.NEGATIVE_INFINITY;
  const bound = Number.isFinite(newest) ? newest - Math.max(0, durationMs) - OVERLAP_MS : Number.NEGATIVE_INFINITY;
  const mark = Math.max(prev, bound);
  return Number.isFinite(mark) ? new Date(mark).toISOString() : null;
}

export async function fullSync(api: TokensApi, options: SyncOptions = {}): Promise<Extract<SyncResult, { kind: 'full' }>> {
  const now = options.now ?? Date.now;
  const started = now();
  const builder = tableBuilder(maskTokenValues);
  let newest = Number.NEGATIVE_INFINITY;
  await api.listAll(
    {},
    {
      ...options,
      into: (page) => {
        const from = builder.table.id.length;
        builder.add(page);
        newest = newestRow(builder.table, from, newest);
      },
    },
  );
  return { kind: 'full', table: builder.table, mark: markAfter(newest, now() - started, null) };
}

/** A delta from `base` when it has a mark, else (or when the delta cannot be trusted) a full sync. */
export async function syncTokenList(api: TokensApi, base: SyncBase | undefined, options: SyncOptions = {}): Promise<SyncResult> {
  if (!base?.mark) return fullSync(api, options);
  const now = options.now ?? Date.now;
  const started = now();
  const call = options.signal ? { signal: options.signal } : {};
  const [changedList, total] = await Promise.all([api.listChangedSince(base.mark, call), api.count(call)]);
  // Merge by id: a token that came back twice (the overlap) counts once, the later answer wins.
  const changed = new Map<string, ApiToken>();
  for (const t of changedList) changed.set(t.id, t);
  const known = new Set(base.ids);
  let size = known.size;
  for (const id of changed.keys()) if (!known.has(id)) size++;
  let removed: string[] = [];
  let kind: 'delta' | 'delta+ids' = 'delta';
  if (size !== total) {
    // Fewer listed than we hold: some were deleted. More: we missed some (or a token appeared
    // between the two requests) — only a full sync can say what is there.
    if (size < total) return fullSync(api, options);
    const ids = new Set(await api.listIds(call));
    for (const id of ids) if (!known.has(id) && !changed.has(id)) return fullSync(api, options);
    removed = base.ids.filter((id) => !ids.has(id));
    for (const id of [...changed.keys()]) if (!ids.has(id)) changed.delete(id);
    kind = 'delta+ids';
  }
  options.onProgress?.(total, total);
  return { kind, changed: [...changed.values()], removed, mark: nextMark(changedList, now() - started, base.mark) };
}
