/**
 * The audit chart's days: midnight to midnight in the page's time zone, not UTC, so an event at
 * 11 pm lands on the day the user lived it. A zone's offset changes with daylight saving, so each
 * day's first instant is found on its own (a day may be 23 or 25 hours long).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in the zone. */
function wallClock(timeZone: string, ms: number): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const out = { y: 0, m: 0, d: 0, h: 0, mi: 0, s: 0 };
  for (const p of formatterOf(timeZone).formatToParts(ms)) {
    const v = Number(p.value);
    if (p.type === 'year') out.y = v;
    else if (p.type === 'month') out.m = v;
    else if (p.type === 'day') out.d = v;
    else if (p.type === 'hour') out.h = v;
    else if (p.type === 'minute') out.mi = v;
    else if (p.type === 'second') out.s = v;
  }
  return out;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(timeZone: string, ms: number): number {
  const w = wallClock(timeZone, ms);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The first instant of a calendar day in the zone (month 1-based; day may overflow, as Date.UTC allows). */
function dayStart(timeZone: string, y: number, m: number, d: number): number {
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offsetAt(timeZone, wall);
  // The offset at the guess may differ from the offset at the day's start (a change that night).
  const second = offsetAt(timeZone, t);
  if (wall - second !== t) t = wall - second;
  return t;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface DaySpan {
  day: string;
  start: number;
  /** The next day's start (exclusive). */
  end: number;
}

/** The last `count` calendar days in the zone, oldest first, the last being the day of `now`. */
export function lastDays(timeZone: string, now: number, count: number): DaySpan[] {
  const today = wallClock(timeZone, now);
  const out: DaySpan[] = [];
  let next = dayStart(timeZone, today.y, today.m, today.d + 1);
  for (let k = 0; k < count; k++) {
    const date = new Date(Date.UTC(today.y, today.m - 1, today.d - k));
    const start = dayStart(timeZone, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    out.push({ day: `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`, start, end: next });
    next = start;
  }
  return out.reverse();
}
