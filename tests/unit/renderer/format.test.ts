import { describe, expect, it } from 'vitest';
import { daysSince, formatDate, formatRelative } from '../../../renderer/src/ui/format';

const NOW = Date.UTC(2026, 0, 10, 12);

describe('ui/format reads ISO times through common/dates', () => {
  it('days since a time, and none for no time or a text that is not one', () => {
    expect(daysSince('2026-01-08T12:00:00.000Z', NOW)).toBe(2);
    expect(daysSince('2026-01-09T12:00:00Z', NOW)).toBe(1);
    expect(daysSince(null, NOW)).toBeNull();
    expect(daysSince('not a date', NOW)).toBeNull();
    expect(formatDate('not a date')).toBe('—');
  });

  it('relative times pick the largest unit', () => {
    expect(formatRelative('2026-01-07T12:00:00.000Z', NOW)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-3, 'day'));
    expect(formatRelative('2026-01-10T14:00:00.000Z', NOW)).toBe(new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(2, 'hour'));
    expect(formatRelative(undefined, NOW)).toBe('');
  });
});
