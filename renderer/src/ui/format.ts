/**
 * Dates in the user's locale, from the API's ISO times (read by common/dates.ts). Formatters are
 * built once: Intl constructors are expensive.
 */
import { DAY_MS, parseIso, relativeParts } from '../../../common/dates';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function toDate(iso: string | null | undefined): Date | null {
  const ms = parseIso(iso);
  return ms === null ? null : new Date(ms);
}

/** Intl formatting is the costliest part of a row; rows re-mount while scrolling and typing. */
function memoByIso(format: (iso: string | null | undefined) => string): (iso: string | null | undefined) => string {
  const cache = new Map<string, string>();
  return (iso) => {
    if (!iso) return format(iso);
    let out = cache.get(iso);
    if (out === undefined) {
      if (cache.size > 50_000) cache.clear();
      out = format(iso);
      cache.set(iso, out);
    }
    return out;
  };
}

export const formatDateTime = memoByIso((iso) => {
  const d = toDate(iso);
  return d ? dateTime.format(d) : '—';
});

export function formatDate(iso: string | null | undefined): string {
  const d = toDate(iso);
  return d ? dateOnly.format(d) : '—';
}

export const formatFull = memoByIso((iso) => {
  const d = toDate(iso);
  return d ? full.format(d) : '';
});

/** "3 days ago", "in 2 hours", "now" (the unit is chosen by common/dates.ts). */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const d = toDate(iso);
  if (!d) return '';
  const { value, unit } = relativeParts(d.getTime(), now);
  return relative.format(value, unit);
}

export function daysSince(iso: string | null | undefined, now: number = Date.now()): number | null {
  const d = toDate(iso);
  return d ? (now - d.getTime()) / DAY_MS : null;
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
