/**
 * The app's addresses: one table of routes, read (`matchPath`) and written (`pathTo`) by the same
 * patterns, so a link can never point at an address the app does not know. Pure: no DOM, no
 * store; the router (`router.ts`) applies it to the window's history.
 *
 * A new view adds one entry here (its name and pattern) and one in `shell/views.tsx` (what it
 * shows, and its sidebar label if it has one).
 */
import { TOKEN_ID_PATTERN } from '../../../common/id-patterns';

/** A pattern's `:name` segments must match these, or the address is not found. */
const PARAMS: Record<string, RegExp> = {
  id: TOKEN_ID_PATTERN,
};

export const ROUTES = {
  overview: '/overview',
  tokens: '/tokens',
  token: '/tokens/:id',
  audit: '/audit',
  accessLog: '/access-log',
  leaks: '/leaks',
  rotations: '/rotations',
  connections: '/connections',
  settings: '/settings',
  about: '/about',
  /** The printable report's view: `all` or a saved connection's id. */
  report: '/report/:scope',
} as const;

export type RouteName = keyof typeof ROUTES;

/**
 * Where `/` (and the page's own file name) leads: the token list's address, which shows the connect
 * screen until a connection is active. A launch at `/` with a saved connection goes on to the
 * Overview (`shell/start-page.ts`), once the saved connections are known.
 */
export const HOME_PATH = ROUTES.tokens;
const HOME_ALIASES = new Set(['/', '/index.html']);

/** Whether a path is the app's home (`/`, the page's file), not a view's own address. */
export function isHomeAlias(path: string): boolean {
  return HOME_ALIASES.has(path);
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;
export type RouteParams<N extends RouteName> = { [K in ParamNames<(typeof ROUTES)[N]>]: string };

export type Match = { [N in RouteName]: { name: N; params: RouteParams<N> } }[RouteName] | { name: 'notFound'; path: string };

/** Which route a path names (a trailing slash is ignored); an unknown or malformed one is `notFound`. */
export function matchPath(path: string): Match {
  if (HOME_ALIASES.has(path)) return matchPath(HOME_PATH);
  const segments = split(path);
  if (segments) {
    for (const [name, pattern] of Object.entries(ROUTES) as [RouteName, string][]) {
      const params = matchSegments(split(pattern)!, segments);
      if (params) return { name, params } as Match;
    }
  }
  return { name: 'notFound', path };
}

/** The path of a route, e.g. `pathTo('token', { id: 'TKN-1234-5678' })` → `/tokens/TKN-1234-5678`. */
export function pathTo<N extends RouteName>(name: N, ...[params]: keyof RouteParams<N> extends never ? [] : [RouteParams<N>]): string {
  const values = (params ?? {}) as Record<string, string>;
  return ROUTES[name].replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
}

/** A path's one spelling: `/` names the home path, and a trailing slash goes. */
export function canonicalPath(path: string): string {
  if (HOME_ALIASES.has(path)) return HOME_PATH;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function split(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.slice(1).split('/');
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return undefined; // a bad percent-escape names nothing
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const got = segments[i]!;
    if (want.startsWith(':')) {
      const key = want.slice(1);
      if (!(PARAMS[key]?.test(got) ?? got.length > 0)) return undefined;
      params[key] = got;
    } else if (want !== got) return undefined;
  }
  return params;
}
