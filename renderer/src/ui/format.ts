/**
 * Dates in the user's locale, from the API's ISO times (read by common/dates.ts). Formatters are
 * built once: Intl constructors are expensive.
 */
import { DAY_MS, parseIso } from '../../../common/dates';

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

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 2 hours", "now". */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const d = toDate(iso);
  if (!d) return '';
  const diff = d.getTime() - now;
  const abs = Math.abs(diff);
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return relative.format(0, 'second');
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
