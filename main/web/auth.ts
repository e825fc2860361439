/**
 * Jupyter-style protection for the browser host: a random secret printed in
 * the URL; visiting it sets an HttpOnly, SameSite=Strict session cookie and
 * redirects to a clean URL. The WebSocket upgrade needs that secret (cookie or
 * `?token=`) AND an Origin equal to the host's own, so another site open in
 * the same browser cannot drive the app.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../../common/web-protocol';

export function createSecret(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function secretsMatch(given: string | undefined | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function sessionCookie(secret: string): string {
  return `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

export function hasSession(req: IncomingMessage, secret: string): boolean {
  return secretsMatch(readCookie(req, SESSION_COOKIE), secret);
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function checkUpgrade(req: IncomingMessage, secret: string, allowedOrigins: ReadonlySet<string>): UpgradeVerdict {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.has(origin)) return { ok: false, status: 403, reason: 'origin not allowed' };
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (!hasSession(req, secret) && !secretsMatch(url.searchParams.get('token'), secret)) {
    return { ok: false, status: 401, reason: 'missing or wrong secret' };
  }
  return { ok: true };
}
