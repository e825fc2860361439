/**
 * Turns Marketplace responses and transport failures into DeskError data the UI can show.
 *
 * Bodies are RFC 9457 ProblemDetails `{type,title,status,detail,traceId,errors}`, but the
 * `errors` member has two documented shapes (marketplace-api.md §8):
 *   (a) `{ field: [messages] }`                        (ASP.NET validation style)
 *   (b) `[{ message, properties: [field…], … }]`        (platform business errors)
 * A 401 or a proxy error may carry no body or an HTML page, so anything non-JSON is tolerated.
 * Messages are written for people: detail/title from the API, else a fixed sentence; never a
 * stack, never a body dump, never the bearer token.
 */
import { DeskError, type DeskErrorCode } from '../../../common/errors';
import { DEFAULT_BASE_URL } from '../../../common/base-url';
import { maskTokenValues } from '../../../common/token-value';

export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  traceId?: string | null;
  errors?: unknown;
}

const DEFAULT_MESSAGES: Record<string, string> = {
  validation: 'The Marketplace refused the request because some values are not valid.',
  unauthorized:
    'The Marketplace rejected the API token (it may be disabled, deleted or mistyped).',
  forbidden: 'This API token is not allowed to do that (its account type or modules do not permit it).',
  not_found: 'The Marketplace could not find that item. It may have been deleted.',
  conflict: 'Someone else changed this item in the meantime. Reload it and try again.',
  rate_limited: 'The Marketplace is receiving too many requests. Wait a moment and try again.',
  server: 'The Marketplace had a problem answering. Try again in a moment.',
};

export function codeForStatus(status: number): DeskErrorCode {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  // 5xx, and any other unexpected status (415, 3xx that was not followed…): the server's side.
  return 'server';
}

/** Parse a body as ProblemDetails if it is a JSON object; anything else gives undefined. */
export function parseProblem(bodyText: string): ProblemDetails | undefined {
  if (!bodyText.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(bodyText);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as ProblemDetails;
  } catch {
    // Not JSON (HTML error page, plain text): tolerated, the status alone decides.
  }
  return undefined;
}

/**
 * Field key as the UI uses it. INFERRED: ASP.NET may send `$.name`, `Name` or
 * `$.modules[0].id`; we strip the `$.` root and lower the first letter.
 */
export function normaliseFieldKey(key: string): string {
  let k = key.trim();
  if (k.startsWith('$.')) k = k.slice(2);
  else if (k === '$') k = '';
  return k ? k.charAt(0).toLowerCase() + k.slice(1) : k;
}

function asMessages(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' && v.trim() ? [v] : []));
  return [];
}

/**
 * Field errors from either documented `errors` form. Messages that name no property
 * (array form without `properties`) are returned separately so the caller can show them
 * in the main message rather than inventing a field for them.
 */
export function extractFieldErrors(errors: unknown): {
  fields?: Record<string, string[]>;
  general: string[];
} {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  const add = (key: string, msgs: string[]) => {
    if (msgs.length === 0) return;
    const k = normaliseFieldKey(key);
    if (!k) {
      general.push(...msgs);
      return;
    }
    (fields[k] ??= []).push(...msgs);
  };

  if (Array.isArray(errors)) {
    for (const entry of errors) {
      if (typeof entry === 'string') {
        general.push(entry);
        continue;
      }
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as { message?: unknown; properties?: unknown };
      const msgs = asMessages(e.message);
      const props = Array.isArray(e.properties) ? e.properties.filter((p): p is string => typeof p === 'string') : [];
      if (props.length === 0) general.push(...msgs);
      for (const p of props) add(p, msgs);
    }
  } else if (errors && typeof errors === 'object') {
    for (const [key, value] of Object.entries(errors as Record<string, unknown>)) add(key, asMessages(value));
  }
  return Object.keys(fields).length > 0 ? { fields, general } : { general };
}

/** Remove a secret, and any other token value, from any text that may be shown or logged. */
export function redact(text: string, secret: string | undefined): string {
  const withoutSecret = !secret || secret.length < 4 ? text : text.split(secret).join('[redacted]');
  return maskTokenValues(withoutSecret);
}

const MAX_MESSAGE = 500;

function clean(text: string | null | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE - 1)}…` : t;
}

export interface HttpErrorInput {
  status: number;
  bodyText: string;
  /** The bearer token value; removed from anything the server echoed. */
  secret?: string;
  /** `x-trace-id`/`traceparent` response header, used when the body has no traceId. */
  headerTraceId?: string | null;
}

/** Map an HTTP error response (status ≥ 400) to a DeskError. */
export function errorFromResponse({ status, bodyText, secret, headerTraceId }: HttpErrorInput): DeskError {
  const code = codeForStatus(status);
  const problem = parseProblem(bodyText);
  const { fields, general } = extractFieldErrors(problem?.errors);

  const detail = clean(problem?.detail);
  const title = clean(problem?.title);
  // A bare 401 title ("Unauthorized") says less than our sentence; a specific detail says more.
  let message =
    detail ?? (title && !isGenericTitle(title) ? title : undefined) ?? DEFAULT_MESSAGES[code] ?? `The Marketplace answered with HTTP ${status}.`;
  const extra = general.map((g) => clean(g)).filter((g): g is string => !!g && g !== message);
  if (extra.length > 0) message = `${message} ${extra.join(' ')}`;

  const traceId = clean(problem?.traceId) ?? clean(headerTraceId ?? undefined);
  return new DeskError({
    code,
    message: redact(message, secret),
    status,
    ...(fields ? { fields: redactFields(fields, secret) } : {}),
    ...(traceId ? { traceId } : {}),
  });
}

function redactFields(fields: Record<string, string[]>, secret: string | undefined) {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v.map((m) => redact(m, secret));
  return out;
}

/** Titles that are just the reason phrase: the default sentence is more useful. */
function isGenericTitle(title: string): boolean {
  return /^(bad request|unauthorized|forbidden|not found|conflict|too many requests|internal server error|bad gateway|service unavailable|gateway timeout|error|an error occurred[.]?)$/i.test(
    title,
  );
}

export function offlineError(): DeskError {
  return new DeskError({
    code: 'offline',
    message: 'The Marketplace could not be reached. Check your network connection and try again.',
  });
}

export function timeoutError(timeoutMs: number): DeskError {
  return new DeskError({
    code: 'timeout',
    message: `The Marketplace did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again.`,
  });
}

export function malformedResponseError(status: number, what = 'a response it could not read'): DeskError {
  return new DeskError({
    code: 'server',
    status,
    message: `The Marketplace sent ${what}. Try again in a moment.`,
  });
}

/** Why an answer shows the address is not a Marketplace API. */
export type NotMarketplaceReason = 'page' | 'unknown_path' | 'shape';

const NOT_MARKETPLACE_WHY: Record<NotMarketplaceReason, string> = {
  page: 'it sent a web page or other content instead of API data',
  unknown_path: 'it does not know the path every Marketplace API has for API tokens',
  shape: 'its answer is not an API token',
};

/**
 * The Environment points somewhere that is not a Marketplace API. Said as such, on the
 * Environment field, rather than as a rejected token: the token may be fine.
 */
export function notMarketplaceError(baseUrl: string, reason: NotMarketplaceReason, status?: number): DeskError {
  const message = `${baseUrl} does not answer like a Marketplace API: ${NOT_MARKETPLACE_WHY[reason]}. Check the Environment address (usually ${DEFAULT_BASE_URL}).`;
  return new DeskError({ code: 'not_marketplace', message, fields: { baseUrl: [message] }, ...(status !== undefined ? { status } : {}) });
}

/** A body a Marketplace sends with an error: JSON ProblemDetails (marketplace-api.md §8). */
export function isProblemBody(bodyText: string): boolean {
  const problem = parseProblem(bodyText);
  return !!problem && ['type', 'title', 'status', 'detail', 'traceId', 'errors'].some((key) => key in problem);
}

/** JSON by its media type (application/json, application/problem+json…); a missing type is not ruled out. */
export function isJsonType(contentType: string | null): boolean {
  return contentType === null || contentType.trim() === '' || /[/+]json\s*(;|$)/i.test(contentType);
}
