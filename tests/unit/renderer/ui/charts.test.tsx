// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BarChart, type ChartBar } from '../../../../renderer/src/ui/BarChart';
import { DayChart } from '../../../../renderer/src/ui/DayChart';

afterEach(cleanup);

const BARS: ChartBar[] = [
  { key: 'never', label: 'Never used', value: 3 },
  { key: 'week', label: 'Within 7 days', value: 0 },
  { key: 'older', label: 'Over 90 days ago', value: 17 },
];

function bars(onSelect = vi.fn()) {
  render(
    <BarChart
      title="Last access"
      bars={BARS}
      valueText={(n) => `${n} tokens`}
      actionName={(b) => `${b.label}: ${b.value} tokens. Show them`}
      onSelect={onSelect}
      columns={{ label: 'Last used', value: 'Tokens' }}
    />,
  );
  return onSelect;
}

describe('BarChart', () => {
  it('draws each bar as a named button, its length by its share of the largest', () => {
    bars();
    const region = screen.getByRole('region', { name: 'Last access' });
    const buttons = within(region).getAllByRole('button', { name: /Show them$/ });
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Never used: 3 tokens. Show them', 'Within 7 days: 0 tokens. Show them', 'Over 90 days ago: 17 tokens. Show them']);
    const widths = buttons.map((b) => b.querySelector('rect')!.getAttribute('width'));
    expect(widths[2]).toBe('100%');
    expect(widths[1]).toBe('0%');
    expect(Number.parseFloat(widths[0]!)).toBeCloseTo((3 / 17) * 100, 5);
  });

  it('runs the bar’s action on a click and on Enter', async () => {
    const onSelect = bars();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Over 90 days ago/ }));
    expect(onSelect).toHaveBeenLastCalledWith(BARS[2]);
    screen.getByRole('button', { name: /^Never used/ }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(BARS[0]);
  });

  it('shows the same numbers as a table, with the same actions, and back', async () => {
    const onSelect = bars();
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['Last usedTokens', 'Never used3 tokens', 'Within 7 days0 tokens', 'Over 90 days ago17 tokens']);
    await user.click(within(table).getByRole('button', { name: /^Within 7 days/ }));
    expect(onSelect).toHaveBeenLastCalledWith(BARS[1]);
    await user.click(toggle);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('DayChart', () => {
  const days = [
    { day: '2026-11-01', counts: [1, 0] },
    { day: '2026-11-02', counts: [0, 0] },
    { day: '2026-11-03', counts: [2, 3] },
  ];
  function chart(onSelect = vi.fn(), list = days) {
    render(
      <DayChart
        title="Audit activity"
        series={[
          { key: 'created', label: 'Created' },
          { key: 'updated', label: 'Updated' },
        ]}
        days={list}
        unit="events"
        dayText={(d) => d}
        actionName={(d) => `Open ${d}`}
        onSelect={onSelect}
      />,
    );
    return onSelect;
  }

  it('names each day by its counts; one tab stop, on the newest day', () => {
    chart();
    const columns = screen.getAllByRole('button', { name: /^2026-11-/ });
    expect(columns.map((c) => c.getAttribute('aria-label'))).toEqual([
      '2026-11-01: 1 events (1 created). Open 2026-11-01',
      '2026-11-02: 0 events. Open 2026-11-02',
      '2026-11-03: 5 events (2 created, 3 updated). Open 2026-11-03',
    ]);
    expect(columns.map((c) => c.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
  });

  it('moves between days with the arrow keys, Home and End, and opens one with Enter or Space', async () => {
    const onSelect = chart();
    const user = userEvent.setup();
    const column = (i: number) => screen.getAllByRole('button', { name: /^2026-11-/ })[i]!;
    column(2).focus();
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(column(1));
    expect(column(1).getAttribute('tabindex')).toBe('0');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('2026-11-02');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(column(0));
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(column(0));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(column(2));
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith('2026-11-03');
  });

  it('lists the days that have events, newest first, as a table', async () => {
    chart();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['DayCreatedUpdatedTotal', '2026-11-03235', '2026-11-01101']);
  });

  it('says so when no day has a count', () => {
    chart(vi.fn(), [{ day: '2026-11-01', counts: [0, 0] }]);
    expect(screen.getByText('No events in these days.')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^2026-11-/ })).toHaveLength(0);
  });
});
