import { describe, expect, it } from 'vitest';
import { compareRows, statusKey, timeKey } from '../../../common/token-sort';

describe('the token list order', () => {
  it('orders by key in the direction asked, equal keys by id ascending either way', () => {
    const rows: Array<[number, string]> = [
      [2, 'TKN-b'],
      [1, 'TKN-c'],
      [2, 'TKN-a'],
      [3, 'TKN-d'],
    ];
    const sorted = (dir: 'asc' | 'desc') => [...rows].sort((a, b) => compareRows(a[0], a[1], b[0], b[1], dir)).map((r) => r[1]);
    expect(sorted('asc')).toEqual(['TKN-c', 'TKN-a', 'TKN-b', 'TKN-d']);
    expect(sorted('desc')).toEqual(['TKN-d', 'TKN-a', 'TKN-b', 'TKN-c']);
    expect(compareRows(1, 'TKN-a', 1, 'TKN-a')).toBe(0);
  });

  it('a missing time is the oldest; statuses follow Active, Disabled, Deleted, then anything else', () => {
    expect(timeKey(null)).toBeLessThan(timeKey(-8.64e15));
    expect(timeKey(5)).toBe(5);
    expect(['Deleted', 'Other', 'Active', 'Disabled'].sort((a, b) => statusKey(a) - statusKey(b))).toEqual(['Active', 'Disabled', 'Deleted', 'Other']);
  });
});
