/** The digest's words: counts by kind with the user's threshold, never a name; "nothing" said plainly. */
import { describe, expect, it } from 'vitest';
import type { Overview } from '../../../common/overview';
import { digestOf } from '../../../main/core/digest/summary';

function overview(counts: Overview['attention']['counts'], connections = 2, staleDays = 90): Overview {
  const total = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
  return {
    rules: { staleDays, findings: [] },
    connections: Array.from({ length: connections }, (_, i) => ({ id: `c${i}` })),
    attention: { counts, total, items: [{ name: 'Secret-looking name' }], truncated: false },
  } as unknown as Overview;
}

describe('digest words', () => {
  it('counts by kind, in the rules’ order, with the threshold the user chose', () => {
    const d = digestOf(overview({ unused: 3, rotationInUse: 1, accessManagement: 0, neverUsed: 1 }, 2, 120));
    expect(d.count).toBe(5);
    expect(d.title).toBe('Token Desk: 5 findings need attention');
    expect(d.body).toBe('3 tokens unused for 120+ days, 1 token never used since created, 1 rotation whose old token is still in use (across 2 connections). Click to open the Overview.');
    expect(d.body).not.toContain('Secret-looking name');
  });

  it('says so when nothing needs attention', () => {
    expect(digestOf(overview({ unused: 0 }, 1))).toEqual({ title: 'Token Desk: nothing needs attention', body: 'Nothing needs attention in 1 connection.', count: 0 });
  });
});
