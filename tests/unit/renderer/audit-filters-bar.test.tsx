// @vitest-environment jsdom
/**
 * The audit log's date inputs show the store's filters as they are: a "Clear filters" from
 * anywhere (the bar's button, or the link under an empty result) empties them too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_AUDIT_FILTERS } from '../../../common/audit-log';
import { AuditFiltersBar } from '../../../renderer/src/features/audit/AuditFiltersBar';
import { dayBound, dayOf } from '../../../renderer/src/features/audit/day-range';
import { useAuditLogStore } from '../../../renderer/src/features/audit/audit-log-store';

afterEach(() => {
  cleanup();
  useAuditLogStore.setState({ filters: EMPTY_AUDIT_FILTERS });
});

describe('audit date filters', () => {
  it('dayOf gives back the day dayBound started from, for both ends', () => {
    for (const day of ['2026-01-01', '2026-03-29', '2026-10-25', '2026-12-31']) {
      expect(dayOf(dayBound(day, false))).toBe(day);
      expect(dayOf(dayBound(day, true))).toBe(day);
    }
    expect(dayOf('')).toBe('');
  });

  it('shows the filters’ days, and is empty again after Clear filters from outside the bar', async () => {
    const user = userEvent.setup();
    render(<AuditFiltersBar entries={[]} multiAccount={false} />);
    const from = screen.getByLabelText('From') as HTMLInputElement;
    const to = screen.getByLabelText('To') as HTMLInputElement;
    await user.type(from, '2026-02-03');
    expect(useAuditLogStore.getState().filters.from).toBe(dayBound('2026-02-03', false));
    act(() => useAuditLogStore.setState({ filters: { ...useAuditLogStore.getState().filters, to: dayBound('2026-02-10', true) } }));
    expect([from.value, to.value]).toEqual(['2026-02-03', '2026-02-10']);
    act(() => useAuditLogStore.getState().clearFilters());
    expect([from.value, to.value]).toEqual(['', '']);
  });
});
