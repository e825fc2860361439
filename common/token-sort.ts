/**
 * The token list's sorts and their one order, shared by the page's sort
 * (renderer/src/features/tokens/sorting.ts) and the launch's first screen (first-screen.ts, in
 * main and the page): both order rows by these rules, so no row moves when the whole list
 * replaces its first screen.
 */
import { TOKEN_STATUSES } from './token-table';

export const SORT_KEYS = ['name', 'modules', 'createdBy', 'createdAt', 'lastAccess', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];
export interface SortState {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: SortState = { key: 'createdAt', dir: 'desc' };

/** A row's key for a sort: a number, or a folded text for name and creator. */
export type RowKey = number | string;

/** A missing time (never used, creation unknown) sorts as the oldest. */
export const timeKey = (ms: number | null | undefined): number => ms ?? Number.NEGATIVE_INFINITY;

const STATUS_RANK: ReadonlyMap<string, number> = new Map(TOKEN_STATUSES.map((status, i) => [status, i]));
/** Statuses sort in TOKEN_STATUSES order (Active, Disabled, Deleted), anything else after them. */
export const statusKey = (status: string): number => STATUS_RANK.get(status) ?? TOKEN_STATUSES.length;

/**
 * The order of two rows: by key in the sort's direction; equal keys by token id ascending
 * whatever the direction, so the order is the same wherever it is computed.
 */
export function compareRows(keyA: RowKey, idA: string, keyB: RowKey, idB: string, dir: SortDir = 'asc'): number {
  if (keyA !== keyB) return (keyA < keyB) === (dir === 'asc') ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}
