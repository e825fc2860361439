/**
 * ISO-8601 times, read and written in one place. The API writes every time as
 * `YYYY-MM-DDTHH:MM:SS.fffZ`, and a big token list holds several per token, read at every launch:
 * that shape is read and written with digit math, which is several times faster than Date.parse,
 * Date.UTC and toISOString. Any other text goes through Date.parse.
 */

export const DAY_MS = 86_400_000;

export type RelativeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

/** Largest first: a time is told in the largest unit it spans at least once. */
const RELATIVE_UNITS: readonly [RelativeUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How far `ms` is from `now`, as a rounded count of one unit (negative: in the past), for
 * "3 days ago" / "in 2 hours". Under a minute is 0 seconds ("now"). The one rule for relative
 * times: every view that says "… ago" words it from this.
 */
export function relativeParts(ms: number, now: number): { value: number; unit: RelativeUnit } {
  const diff = ms - now;
  const abs = Math.abs(diff);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (abs >= size) return { value: Math.round(diff / size), unit };
  }
  return { value: 0, unit: 'second' };
}

/** The API's shape, with or without milliseconds. The parts are range-checked apart. */
const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d\d\d)?Z$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Epoch ms of a UTC_ISO text whose every part is in range (no Feb 30, no 10:60); else undefined. */
function utcIsoMs(s: string): number | undefined {
  if (!UTC_ISO.test(s)) return undefined;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const mo = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  const h = digit(s, 11) * 10 + digit(s, 12);
  const mi = digit(s, 14) * 10 + digit(s, 15);
  const sec = digit(s, 17) * 10 + digit(s, 18);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return undefined;
  if (d > MONTH_DAYS[mo - 1]! && !(mo === 2 && d === 29 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  const ms = s.length === 24 ? digit(s, 20) * 100 + digit(s, 21) * 10 + digit(s, 22) : 0;
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms;
}

/** An ISO-8601 time as epoch ms; null when there is none or it is not a time. */
export function parseIso(s: string | null | undefined): number | null {
  if (!s) return null;
  const fast = utcIsoMs(s);
  if (fast !== undefined) return fast;
  const v = Date.parse(s);
  return Number.isFinite(v) ? v : null;
}

/**
 * Epoch ms of a time only when formatIso gives the same text back (the API's shape with
 * milliseconds, every part in range); else undefined. For stores that keep a time as a number
 * and must return the very text they were given.
 */
export function exactIsoMs(s: string): number | undefined {
  return s.length === 24 ? utcIsoMs(s) : undefined;
}

/** The character codes of `YYYY-MM-DD` per day number (a list spans a few hundred days); null: not 4 digits. */
const dayCodes = new Map<number, number[] | null>();

function dayCodesOf(day: number): number[] | null {
  let codes = dayCodes.get(day);
  if (codes === undefined) {
    const iso = new Date(day * DAY_MS).toISOString();
    codes = iso.length === 24 ? Array.from(iso.slice(0, 10), (c) => c.charCodeAt(0)) : null;
    if (dayCodes.size > 10_000) dayCodes.clear();
    dayCodes.set(day, codes);
  }
  return codes;
}

/**
 * `new Date(ms).toISOString()`, faster. Built as ONE string from character codes: pieces joined
 * with `+` make a chain of partial strings that is copied again on first read, and a list's
 * dates are most of the garbage made while it is read.
 */
export function formatIso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const d = dayCodesOf(day);
  if (d === null) return new Date(ms).toISOString(); // years outside 0000–9999: the slow path
  let r = ms - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  const tens = (n: number) => 48 + Math.floor(n / 10);
  const ones = (n: number) => 48 + (n % 10);
  return String.fromCharCode(
    d[0]!, d[1]!, d[2]!, d[3]!, 45, d[5]!, d[6]!, 45, d[8]!, d[9]!, 84,
    tens(h), ones(h), 58, tens(m), ones(m), 58, tens(sec), ones(sec), 46,
    48 + Math.floor(milli / 100), tens(milli % 100), ones(milli), 90,
  );
}
