/** Request/response shapes passed between the server, the router and the route handlers. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller, SandboxStore } from './store';

export interface SandboxRequest {
  method: string;
  pathname: string;
  /** Raw query string without `?`, still percent-encoded (RQL is parsed from it). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Route parameters, e.g. `id`. */
  params: Record<string, string>;
}

export interface SandboxResponse {
  status: number;
  /** JSON body; undefined = empty body (204) unless `jsonBytes` is set. */
  json?: unknown;
  /** An already serialised JSON body, UTF-8 (sent as is, same content type as `json`). */
  jsonBytes?: Buffer;
  /** Raw body (icons). */
  raw?: { contentType: string; data: Buffer };
  headers?: Record<string, string>;
}

export interface HandlerContext {
  req: SandboxRequest;
  store: SandboxStore;
  caller: Caller;
  now: () => string;
  settings: { wrongStateMode: 'error' | 'noop'; legacyReveal: boolean };
  onCreate: () => void;
}

export type Handler = (ctx: HandlerContext) => SandboxResponse | Promise<SandboxResponse>;
/** Handler of a route that needs no Authorization. */
export type PublicHandler = (ctx: Omit<HandlerContext, 'caller'>) => SandboxResponse | Promise<SandboxResponse>;

export const ok = (json: unknown, status = 200): SandboxResponse => ({ status, json });
