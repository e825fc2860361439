/**
 * A big list's first screen in the page: from a launch's small `first` answer, or picked from a
 * whole list that came without one (common/first-screen.ts picks the rows). Shown at once; the
 * whole list follows right after that paint (tokens-store).
 */
import type { TokenView } from '../../../../common/contract';
import { firstRows } from '../../../../common/first-screen';
import { viewsOf, type ReadList } from '../../../../common/token-list-wire';
import type { SortState } from '../../../../common/token-sort';
import { hasActiveFilters, type TokenFilters } from './filtering';
import { indexUnpacked, type IndexedToken } from './token-index';

export interface FirstScreen {
  tokens: TokenView[];
  entries: IndexedToken[];
}

/** The first screen of a whole list, or null when the sort or the filters need every row. */
export function firstScreen(list: ReadList, sort: SortState, filters: TokenFilters): FirstScreen | null {
  const rows = hasActiveFilters(filters) ? null : firstRows(list.table, sort);
  if (!rows) return null;
  const tokens = viewsOf(list, rows);
  return { tokens, entries: indexUnpacked({ tokens, table: list.table }, rows) };
}
