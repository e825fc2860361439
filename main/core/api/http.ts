/**
 * Request core: URL policy, headers, timeout + caller cancellation, retries, JSON decoding.
 * Plain Node 20 (global fetch); nothing here knows about Electron.
 */
import { checkBaseUrl } from '../../../common/base-url';
import { DeskError } from '../../../common/errors';
import { errorFromResponse, isJsonType, isProblemBody, malformedResponseError, notMarketplaceError, offlineError, redact, timeoutError } from './errors';
import { NETWORK_LIMITS, readBodyWithin, type NetworkLimits } from './limits';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RetryOptions {
  /** Total attempts including the first one. Default 4. */
  maxAttempts?: number;
  /** Base of the exponential backoff. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap of a single backoff wait. Default 10 s. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate_limited. Default 60 s. */
  maxRetryAfterMs?: number;
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Bearer token value (`idt:TKN-…:…`). */
  token: string;
  appVersion: string;
  /** Defaults to process.platform. */
  platform?: string;
  /** Per attempt, the whole body included (a slow drip ends here). Default 30 s. */
  timeoutMs?: number;
  /** Bounds on bodies and lists; defaults NETWORK_LIMITS (limits.ts). Tests lower them. */
  limits?: Partial<NetworkLimits>;
  retry?: RetryOptions;
  fetch?: typeof fetch;
  /** Test seams. */
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface RequestSpec extends CallOptions {
  method: HttpMethod;
  /** Path starting with `/`, e.g. `/public/v1/accounts/api-tokens`. */
  path: string;
  /** Already-encoded query string without `?` (see rql.ts buildQuery). */
  query?: string;
  /** JSON body (serialised here) or multipart FormData. */
  body?: unknown;
  /**
   * Retry transient failures? Defaults: GET/PUT/DELETE yes, POST no. Set true only for a POST
   * whose repetition is harmless (enable/disable). A create POST must never be retried: if the
   * answer is lost we cannot know whether the token exists, and a retry could make two.
   */
  idempotent?: boolean;
  /**
   * Told about each failed attempt before it is retried (callers use it to know an answer was
   * lost; the pager backs off on a 429 and its Retry-After, `waitMs`).
   */
  onRetry?: (failure: DeskError, waitMs?: number) => void;
  /**
   * A path every Marketplace API serves (who-am-I's): an answer that is not the API's JSON, or a
   * 404 without its ProblemDetails, means the base URL is not a Marketplace (`not_marketplace`).
   * Only there: elsewhere a 404 is an item that is gone.
   */
  knownPath?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON body; undefined for an empty body (204). */
  body: unknown;
  headers: Headers;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Validate and normalise the base URL (no trailing slash) with the one policy
 * (common/base-url.ts). Throws DeskError 'validation' with the reason on `fields.baseUrl`.
 */
export function normaliseBaseUrl(raw: string): string {
  const check = checkBaseUrl(raw);
  if (!check.ok) throw new DeskError({ code: 'validation', message: check.problem, fields: { baseUrl: [check.problem] } });
  return check.value;
}

/**
 * Full-jitter exponential backoff: uniform in [0, min(max, base·2^retryIndex)].
 * (AWS "Exponential Backoff and Jitter": spreads retries of many clients best.)
 */
export function backoffDelay(retryIndex: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Statuses worth another attempt: rate limiting and gateway/availability failures; for a read
 * also a plain 500 (repeating a GET cannot change anything, and a 500 on a read is usually a
 * passing server fault). A write answered 500 may have happened, so it is not repeated.
 */
export function isRetryableStatus(status: number, method: HttpMethod = 'GET'): boolean {
  if (status === 500) return method === 'GET';
  return status === 429 || status === 502 || status === 503 || status === 504;
}

export function isRetryableMethod(method: HttpMethod, idempotent?: boolean): boolean {
  if (idempotent !== undefined) return idempotent;
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Why one attempt failed, and whether another attempt may help. */
type AttemptFailure = { error: DeskError; transient: boolean; waitMs?: number };

export class HttpClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  /** Read by the list readers (pagination.ts) as well as for each body here. */
  readonly limits: NetworkLimits;
  private readonly retry: Required<RetryOptions>;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(opts: HttpClientOptions) {
    this.baseUrl = normaliseBaseUrl(opts.baseUrl);
    const token = opts.token.trim();
    // A header value with control characters makes fetch throw a TypeError that would look
    // like "offline"; refuse it here with a clear message instead.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
    if (!token || /[\s\u0000-\u001f\u007f]/.test(token)) {
      throw new DeskError({ code: 'validation', message: 'The API token is empty or contains spaces or line breaks.', fields: { token: ['Paste the whole token value on one line.'] } });
    }
    this.token = token;
    this.userAgent = `TokenDesk/${opts.appVersion} (${opts.platform ?? process.platform})`;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.limits = { ...NETWORK_LIMITS, ...opts.limits };
    this.retry = {
      maxAttempts: Math.max(1, opts.retry?.maxAttempts ?? 4),
      baseDelayMs: opts.retry?.baseDelayMs ?? 300,
      maxDelayMs: opts.retry?.maxDelayMs ?? 10_000,
      maxRetryAfterMs: opts.retry?.maxRetryAfterMs ?? 60_000,
    };
    this.fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.random = opts.random ?? Math.random;
    this.sleep = opts.sleep ?? defaultSleep;
  }

  /** The bearer token value this client authenticates with (for who-am-I). */
  get tokenValue(): string {
    return this.token;
  }

  url(path: string, query?: string): string {
    return `${this.baseUrl}${path}${query ? `?${query}` : ''}`;
  }

  /**
   * Send a request; returns the decoded 2xx response or throws DeskError.
   * A caller abort rejects with the signal's reason (an AbortError), not a DeskError:
   * cancelling is not a failure to show.
   */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const retryable = isRetryableMethod(spec.method, spec.idempotent);
    const maxAttempts = retryable ? this.retry.maxAttempts : 1;
    let last: AttemptFailure | undefined;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0 && last) {
        const backoff = backoffDelay(attempt - 1, this.retry.baseDelayMs, this.retry.maxDelayMs, this.random);
        // Retry-After is the server's explicit wish: wait at least that long.
        const wait = last.waitMs !== undefined ? Math.max(last.waitMs, backoff) : backoff;
        await this.sleep(wait, spec.signal);
      }
      spec.signal?.throwIfAborted();
      const outcome = await this.attempt(spec, retryable);
      if (!('error' in outcome)) return outcome;
      last = outcome;
      if (!outcome.transient) break;
      if (outcome.waitMs !== undefined && outcome.waitMs > this.retry.maxRetryAfterMs) break;
      if (attempt + 1 < maxAttempts) spec.onRetry?.(outcome.error, outcome.waitMs);
    }
    throw last!.error;
  }

  private async attempt(spec: RequestSpec, retryable: boolean): Promise<HttpResponse | AttemptFailure> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      Accept: 'application/json',
      'User-Agent': this.userAgent,
    };
    let body: RequestInit['body'];
    if (spec.body instanceof FormData) {
      body = spec.body; // fetch sets multipart/form-data with its boundary
    } else if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }

    let res: Response;
    let text: string;
    try {
      // Redirects are followed (large exports may answer 302, §7). fetch drops Authorization
      // when a redirect leaves the origin, so the token never follows it elsewhere.
      res = await this.fetchImpl(this.url(spec.path, spec.query), { method: spec.method, headers, body, signal, redirect: 'follow' });
      text = await readBodyWithin(res, this.limits.maxBodyBytes);
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      // An oversized body is the server's answer, not the network's: another attempt gets the same.
      if (DeskError.is(error)) return { error, transient: false };
      // Not retried: a server that did not answer in timeoutMs would most likely make the user
      // wait maxAttempts × timeoutMs; better to say so now and let them try again.
      if (timeout.aborted) return { error: timeoutError(this.timeoutMs), transient: false };
      // Connection refused/reset, DNS failure, socket closed mid-body: the network's fault.
      return { error: offlineError(), transient: true };
    }

    if (spec.knownPath) {
      const foreign = !isJsonType(res.headers.get('content-type')) && text.trim() !== '';
      if (res.status >= 200 && res.status < 300 && foreign) return { error: notMarketplaceError(this.baseUrl, 'page', res.status), transient: false };
      if ((res.status === 404 || res.status === 405) && !isProblemBody(text)) return { error: notMarketplaceError(this.baseUrl, foreign ? 'page' : 'unknown_path', res.status), transient: false };
    }
    if (res.status >= 200 && res.status < 300) {
      if (!text.trim()) return { status: res.status, body: undefined, headers: res.headers };
      try {
        return { status: res.status, body: JSON.parse(text) as unknown, headers: res.headers };
      } catch {
        // A truncated/garbled 2xx. For a read, another attempt is safe and usually fixes it.
        // For a write it already happened; repeating it is not ours to decide.
        return { error: malformedResponseError(res.status), transient: spec.method === 'GET' && retryable };
      }
    }

    const error = errorFromResponse({
      status: res.status,
      bodyText: text,
      secret: this.token,
      headerTraceId: res.headers.get('x-trace-id') ?? res.headers.get('traceparent'),
    });
    const transient = retryable && isRetryableStatus(res.status, spec.method);
    const waitMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
    if (res.status === 429 && waitMs !== undefined && waitMs > this.retry.maxRetryAfterMs) {
      return {
        error: new DeskError({ ...error.toData(), message: redact(`${error.message} The Marketplace asked to wait ${Math.ceil(waitMs / 1000)} seconds.`, this.token) }),
        transient: false,
      };
    }
    return waitMs !== undefined ? { error, transient, waitMs } : { error, transient };
  }
}
