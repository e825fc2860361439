/**
 * Minimal method + path router. A path that exists with another method is a 405 (with Allow),
 * an unknown path a 404, both as ProblemDetails.
 */
import type { Handler, PublicHandler } from './http';
import { ApiProblem } from './problem';

export type Route =
  | { method: string; /** e.g. `/public/v1/accounts/api-tokens/:id/enable` */ path: string; handler: Handler }
  /** No Authorization needed (icons are loaded by <img> tags, which send no header). INFERRED. */
  | { method: string; path: string; publicHandler: PublicHandler };

type CompiledRoute = Route & { regex: RegExp; keys: string[] };

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): this {
    const keys: string[] = [];
    const pattern = route.path.replace(/\/:(\w+)/g, (_m, key: string) => {
      keys.push(key);
      return '/([^/]+)';
    });
    this.routes.push({ ...route, keys, regex: new RegExp(`^${pattern}/?$`) });
    return this;
  }

  /** Throws ApiProblem 404/405 when nothing matches. */
  match(method: string, pathname: string): RouteMatch {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const m = route.regex.exec(pathname);
      if (!m) continue;
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      try {
        route.keys.forEach((key, i) => {
          params[key] = decodeURIComponent(m[i + 1] ?? '');
        });
      } catch {
        throw new ApiProblem(404, `No endpoint ${method} ${pathname}.`); // undecodable id: nothing can match
      }
      return { route, params };
    }
    if (allowed.size > 0) {
      const allow = [...allowed].sort().join(', ');
      throw new ApiProblem(405, `Method ${method} is not allowed on ${pathname}. Allowed: ${allow}.`, undefined, undefined, { Allow: allow });
    }
    throw new ApiProblem(404, `No endpoint ${method} ${pathname}.`);
  }
}
