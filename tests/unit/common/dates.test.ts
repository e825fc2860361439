import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, exactIsoMs, formatIso, parseIso, relativeParts } from '../../../common/dates';

const anyDate = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });

describe('parseIso', () => {
  it('reads the API format, with and without milliseconds, as Date.parse does', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const iso = d.toISOString();
        expect(parseIso(iso)).toBe(Date.parse(iso));
        const noMs = iso.replace(/\.\d{3}Z$/, 'Z');
        expect(parseIso(noMs)).toBe(Date.parse(noMs));
      }),
    );
  });

  it('reads other ISO forms through Date.parse', () => {
    for (const text of ['2026-01-02T10:00:00+02:00', '2026-01-02T10:00:00.1Z', '2026-01-02T10:00:00.123456Z', '2026-01-02']) {
      expect(parseIso(text)).toBe(Date.parse(text));
    }
  });

  it('gives null for no time or a text that is not one', () => {
    expect(parseIso(null)).toBeNull();
    expect(parseIso(undefined)).toBeNull();
    expect(parseIso('')).toBeNull();
    expect(parseIso('not a date')).toBeNull();
    expect(parseIso('2026-13-01T00:00:00.000Z')).toBeNull();
  });
});

describe('exactIsoMs and formatIso', () => {
  it('formatIso is toISOString, and exactIsoMs reads its text back to the same number', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const ms = d.getTime();
        expect(formatIso(ms)).toBe(d.toISOString());
        expect(exactIsoMs(formatIso(ms))).toBe(ms);
      }),
    );
  });

  it('formatIso handles years outside four digits', () => {
    for (const ms of [Date.UTC(-1, 0, 1), Date.UTC(10_000, 5, 6, 7, 8, 9, 10), -1]) {
      expect(formatIso(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('exactIsoMs refuses a text that would not come back the same', () => {
    for (const text of [
      '2026-02-30T10:00:00.000Z',
      '2026-01-01T10:60:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2025-02-29T00:00:00.000Z',
      '2026-01-01T10:00:00Z',
      '2026-01-01T10:00:00.000+00:00',
      '2026-01-01 10:00:00.000Z',
    ]) {
      expect(exactIsoMs(text)).toBeUndefined();
    }
    expect(exactIsoMs('2024-02-29T00:00:00.000Z')).toBe(Date.UTC(2024, 1, 29));
  });
});

describe('relativeParts: the one rule for "… ago"', () => {
  const now = Date.UTC(2026, 11, 3, 12, 0, 0);
  it('tells a time in the largest unit it spans, rounded; under a minute is now', () => {
    expect(relativeParts(now - 30_000, now)).toEqual({ value: 0, unit: 'second' });
    expect(relativeParts(now - 125_000, now)).toEqual({ value: -2, unit: 'minute' });
    expect(relativeParts(now - 3 * DAY_MS, now)).toEqual({ value: -3, unit: 'day' });
    expect(relativeParts(now - 10 * 30 * DAY_MS, now)).toEqual({ value: -10, unit: 'month' });
    expect(relativeParts(now + 2 * 3_600_000, now)).toEqual({ value: 2, unit: 'hour' });
  });
});
