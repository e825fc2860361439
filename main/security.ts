/**
 * Security policy shared by the Electron glue and the browser host, kept free of
 * electron imports so it can be unit-tested directly.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'token-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * CSP of the renderer. In Electron `connect-src 'none'`: the page cannot reach the
 * network even if compromised; every call goes through the preload. The browser
 * host must allow its own WebSocket, and nothing else.
 */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Links the app may hand to the system browser: https, and only these hosts. */
export const externalLinkHosts = new Set([
  'docs.platform.softwareone.com',
  'portal.platform.softwareone.com',
  'platform.softwareone.com',
  'www.softwareone.com',
]);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && externalLinkHosts.has(url.hostname);
}

/** Is this URL a page of the app itself (the only frames allowed to call main)? */
export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
