/**
 * The current address and the way to change it: the window's history (so Back and Forward, a
 * reload and a deep link all land where they should), mirrored in a store that views read.
 * Paths, not fragments: the browser host keeps its session secret in the fragment of the first
 * address, and both hosts answer any extensionless path with the app (`main/web/static.ts`,
 * `main/protocol.ts`).
 */
import { create } from 'zustand';
import { canonicalPath, matchPath, pathTo } from './routes';
import type { Match, RouteName, RouteParams } from './routes';

interface RouterState {
  path: string;
  match: Match;
  /** Pushes a history entry (replace: changes the current one); the same path again is a no-op. */
  navigate(path: string, options?: { replace?: boolean }): void;
}

function current(): { path: string; match: Match } {
  // Stores load in tests without a DOM too: there the app is at its home address.
  const path = canonicalPath(typeof window === 'undefined' ? '/' : window.location.pathname);
  return { path, match: matchPath(path) };
}

export const useRouter = create<RouterState>((set, get) => ({
  ...current(),
  navigate(path, options = {}) {
    const next = canonicalPath(path);
    if (next === get().path && !options.replace) return;
    // The query is the page's own (Electron's Quick Access window); an in-app address has none.
    if (options.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    set({ path: next, match: matchPath(next) });
  },
}));

/** Navigate to a named route: `go('token', { id })`. */
export function go<N extends RouteName>(name: N, ...params: keyof RouteParams<N> extends never ? [] : [RouteParams<N>]): void {
  useRouter.getState().navigate(pathTo(name, ...params));
}

/**
 * Starts following the window's history: Back and Forward (the browser's, the mouse's, Alt+←/→ —
 * Electron's main process turns those into history steps too) update the store. The first
 * address is written in its one spelling (`/` → `/tokens`) without a new entry.
 */
export function startRouter(): () => void {
  const { path } = current();
  if (path !== window.location.pathname) window.history.replaceState(window.history.state, '', path + window.location.search);
  useRouter.setState(current());
  const onPop = () => useRouter.setState(current());
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}
