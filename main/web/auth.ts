/**
 * Who may talk to the browser host. Three checks, each at the edge, each failing closed:
 * - Host: only `127.0.0.1:<port>` or `localhost:<port>` (a DNS-rebound name is refused);
 * - Origin: when a browser sends one, it must be the host's own;
 * - the session secret (printed once in the URL fragment, common/web-protocol.ts) is needed
 *   for the WebSocket, presented as a subprotocol and compared in constant time.
 * The pages and scripts themselves are the public build and carry no secret; everything that
 * reaches data or the keychain goes through the WebSocket.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WS_PATH, WS_PROTOCOL, WS_SESSION_PROTOCOL_PREFIX } from '../../common/web-protocol';

export function createSecret(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function secretsMatch(given: string | undefined | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** A `.` or `..` segment, written plainly or percent-encoded (`%2e`). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * The request path, or undefined when the request target cannot be parsed or steps through dot
 * segments (→ 400, never a throw). URL parsing would resolve `/%2e%2e/x` to `/x` silently, and
 * the app page answers every extensionless path, so a climbing target is refused before that.
 */
export function requestPath(rawUrl: string | undefined): string | undefined {
  if (!rawUrl || !rawUrl.startsWith('/')) return undefined; // origin-form only: no `http://…`, no `*`
  if (rawUrl.split(/[?#]/, 1)[0]!.split('/').some((segment) => DOT_SEGMENT.test(segment))) return undefined;
  try {
    return new URL(rawUrl, 'http://127.0.0.1').pathname;
  } catch {
    return undefined;
  }
}

export interface HostNames {
  /** `127.0.0.1:<port>` and `localhost:<port>`. */
  hosts: ReadonlySet<string>;
  /** `http://127.0.0.1:<port>` and `http://localhost:<port>`. */
  origins: ReadonlySet<string>;
}

export function hostNames(port: number): HostNames {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { hosts, origins: new Set([...hosts].map((h) => `http://${h}`)) };
}

export type Verdict = { ok: true; origin: string } | { ok: false; status: 400 | 401 | 403 | 404 | 421 | 431; reason: string };

/** No page of ours sends more; Node would silently drop headers past 2,000 instead of refusing. */
const MAX_HEADERS = 100;

/** Host and Origin checks shared by plain requests and upgrades; `origin` is the one the page is served under. */
export function checkRequest(req: IncomingMessage, names: HostNames): Verdict {
  if (req.rawHeaders.length / 2 > MAX_HEADERS) return { ok: false, status: 431, reason: 'Too many header fields.' };
  // Exactly one Host header (RFC 9112 §3.2): Node keeps the first of several, a proxy might use another.
  const hostHeaders = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host').length;
  if (hostHeaders !== 1) return { ok: false, status: 400, reason: 'Bad request.' };
  const host = req.headers.host?.toLowerCase();
  if (!host || !names.hosts.has(host)) return { ok: false, status: 421, reason: 'This server only answers to 127.0.0.1 and localhost.' };
  const origin = req.headers.origin;
  if (origin !== undefined && !names.origins.has(origin)) return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
  return { ok: true, origin: `http://${host}` };
}

/** The secret offered in `Sec-WebSocket-Protocol`, if the header is well-formed and names ours. */
export function offeredSecret(header: string | undefined): string | undefined {
  if (!header || header.length > 512) return undefined;
  const offered = header.split(',').map((p) => p.trim());
  if (!offered.includes(WS_PROTOCOL)) return undefined;
  const session = offered.filter((p) => p.startsWith(WS_SESSION_PROTOCOL_PREFIX));
  return session.length === 1 ? session[0]!.slice(WS_SESSION_PROTOCOL_PREFIX.length) : undefined;
}

export function checkUpgrade(req: IncomingMessage, secret: string, names: HostNames): Verdict {
  const path = requestPath(req.url);
  if (path === undefined) return { ok: false, status: 400, reason: 'Bad request.' };
  const verdict = checkRequest(req, names);
  if (!verdict.ok) return verdict;
  // A WebSocket from a browser always carries Origin; one without it is not our page.
  if (req.headers.origin === undefined) return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
  if (path !== WS_PATH) return { ok: false, status: 404, reason: 'Not found.' };
  if (!secretsMatch(offeredSecret(req.headers['sec-websocket-protocol']), secret)) {
    return { ok: false, status: 401, reason: 'Missing or wrong session secret.' };
  }
  return verdict;
}
