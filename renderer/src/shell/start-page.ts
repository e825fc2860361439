/**
 * The app's start page. Opened at its home address (`/`, the desktop window's index.html), the app
 * shows the Overview once a saved connection is active, and the connect screen (the token list's
 * address) when there is none. Which of the two is known only when the saved connections answer,
 * so the choice is made then — unless the user has gone somewhere meanwhile. Connecting for the
 * first time leaves the user on the token list the connect screen turns into.
 */
import { useConnectionsStore } from '../features/connections/connections-store';
import { useRouter } from './router';
import { HOME_PATH, isHomeAlias, pathTo } from './routes';

/** Follows the launch until the start page is chosen; returns the way to stop following. */
export function followStartPage(): () => void {
  if (typeof window === 'undefined' || !openedAtHome) return () => undefined;
  const decide = (s: ReturnType<typeof useConnectionsStore.getState>): boolean => {
    if (useRouter.getState().path !== HOME_PATH) return true; // the user went elsewhere first
    if (s.activeId !== null) {
      useRouter.getState().navigate(pathTo('overview'), { replace: true });
      return true;
    }
    return s.phase === 'ready';
  };
  if (decide(useConnectionsStore.getState())) return () => undefined;
  const stop = useConnectionsStore.subscribe((s) => {
    if (decide(s)) stop();
  });
  return stop;
}

/** The address the page was opened at, read once as this module loads (before the router writes `/` as `/tokens`). */
const openedAtHome = typeof window !== 'undefined' && isHomeAlias(window.location.pathname);
