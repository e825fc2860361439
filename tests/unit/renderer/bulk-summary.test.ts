import { describe, expect, it } from 'vitest';
import { bulkItemText, bulkSummary, outcomeOf } from '../../../renderer/src/features/tokens/bulk-runner';
import type { BulkItemOutcome, BulkResultItem } from '../../../renderer/src/features/tokens/bulk-runner';

const item = (outcome: BulkItemOutcome, message?: string): BulkResultItem => ({
  id: 'TKN-0000-0001',
  name: 'One',
  ok: outcome === 'changed' || outcome === 'unchanged',
  outcome,
  ...(message ? { message } : {}),
});

describe('bulk results count what changed and what already was so', () => {
  it('an answer without an outcome: changed when ok, failed when not', () => {
    expect(outcomeOf({ ok: true })).toBe('changed');
    expect(outcomeOf({ ok: false })).toBe('failed');
    expect(outcomeOf({ ok: true, outcome: 'unchanged' })).toBe('unchanged');
    expect(outcomeOf({ ok: false, outcome: 'skipped' })).toBe('skipped');
  });

  it('counts only real changes as done', () => {
    expect(bulkSummary('enable', 2, [item('changed'), item('unchanged')])).toBe('Enabled 1 of 2 tokens — 1 was already Active');
    expect(bulkSummary('enable', 2, [item('unchanged'), item('unchanged')])).toBe('Enabled 0 of 2 tokens — 2 were already Active');
    expect(bulkSummary('disable', 1, [item('changed')])).toBe('Disabled 1 of 1 token');
    expect(bulkSummary('delete', 3, [item('changed'), item('unchanged'), item('failed')])).toBe('Deleted 1 of 3 tokens — 1 was already gone, 1 failed');
    expect(bulkSummary('disable', 4, [item('changed'), item('unchanged'), item('skipped'), item('failed')])).toBe(
      'Disabled 1 of 4 tokens — 1 was already Disabled, 1 skipped: this connection signs in with it, 1 failed',
    );
  });

  it('each token says how it ended', () => {
    expect(bulkItemText('enable', item('changed'))).toBe('enabled');
    expect(bulkItemText('disable', item('unchanged'))).toBe('already Disabled');
    expect(bulkItemText('delete', item('skipped', 'Skipped: this connection signs in with it.'))).toBe('Skipped: this connection signs in with it.');
    expect(bulkItemText('delete', item('failed', 'Forbidden'))).toBe('failed: Forbidden');
  });
});
