/**
 * Where a connection may point: https anywhere, plain http only to this computer (the sandbox,
 * a local proxy), because the admin token travels in every request. Used by the connection
 * form's checks and by the API client, so the two can never disagree.
 */
export const DEFAULT_BASE_URL = 'https://api.platform.softwareone.com';

/** Loopback hosts may use plain http; everything else must be https. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export const BASE_URL_MESSAGES = {
  empty: `Enter the API address, e.g. ${DEFAULT_BASE_URL}.`,
  // The input is never echoed: a token pasted into the wrong field must not end up in a message.
  notUrl: `Enter a full address starting with https://, e.g. ${DEFAULT_BASE_URL}.`,
  credentials: 'The address must not contain a user name or password.',
  queryOrFragment: 'The address must not contain a query (?…) or fragment (#…).',
  plainHttp: 'Use https:// — plain http is only allowed to this computer (localhost), because the token would travel unencrypted.',
  scheme: 'The address must start with https://.',
} as const;

export type BaseUrlCheck = { ok: true; value: string } | { ok: false; problem: string };

/** The parts of a WHATWG URL this policy reads. */
interface ParsedUrl {
  protocol: string;
  username: string;
  password: string;
  search: string;
  hash: string;
  hostname: string;
  origin: string;
  pathname: string;
}

// common/ is type-checked with the ES library only (it runs in every layer), which has no URL;
// every host Token Desk runs on (Node 20, Chromium) has the WHATWG one, so it is read from globalThis.
const WhatwgUrl = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

/** Checks and normalises an API base URL (no trailing slash, so `${base}/public/v1/…` is right). */
export function checkBaseUrl(raw: unknown): BaseUrlCheck {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const fail = (problem: string): BaseUrlCheck => ({ ok: false, problem });
  if (!text) return fail(BASE_URL_MESSAGES.empty);
  let url: ParsedUrl;
  try {
    url = new WhatwgUrl(text);
  } catch {
    return fail(BASE_URL_MESSAGES.notUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(BASE_URL_MESSAGES.scheme);
  if (url.username || url.password) return fail(BASE_URL_MESSAGES.credentials);
  if (url.search || url.hash) return fail(BASE_URL_MESSAGES.queryOrFragment);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return fail(BASE_URL_MESSAGES.plainHttp);
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
