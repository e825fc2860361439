/**
 * Where the token table's filters and sort are kept between sessions.
 *
 * The renderer may not use localStorage/sessionStorage (CSP + lint), so this is the ONE place
 * to swap in a `ui.prefs` contract call once main offers it. Until then prefs live in memory
 * (they survive navigation inside the app, not a restart).
 * `load` may return a Promise (an IPC call): the ui store applies the result when it arrives,
 * unless the user already changed filters or sort.
 */
import type { SortState, TokenFilters } from './filtering';

export interface TokensPrefs {
  filters: TokenFilters;
  sort: SortState;
}

let memory: TokensPrefs | undefined;

export function load(): TokensPrefs | undefined | Promise<TokensPrefs | undefined> {
  return memory ? structuredClone(memory) : undefined;
}

export function save(prefs: TokensPrefs): void {
  memory = structuredClone(prefs);
}
