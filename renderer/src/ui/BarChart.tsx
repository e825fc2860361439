/**
 * A chart of a few categories as horizontal bars (plain SVG inside real buttons): each bar says
 * its category and its count, and choosing it runs `onSelect` — e.g. the token table filtered to
 * exactly that category. Buttons rather than shapes, so Tab, Enter and Space work and every bar
 * has a name; "Show as table" gives the same numbers, and the same actions, as a table. Where a
 * bar leads to more than one place (the tokens of several connections), it opens a menu of them.
 */
import type { ReactNode } from 'react';
import { ChartFrame } from './ChartFrame';
import { Menu, type MenuEntry } from './Menu';

export type ChartTone = 'accent' | 'success' | 'warning' | 'danger' | 'neutral';

export interface ChartBar {
  key: string;
  label: string;
  value: number;
  tone?: ChartTone;
}

export interface BarChartProps {
  title: string;
  note?: string;
  bars: readonly ChartBar[];
  /** The count with its unit: "12 tokens". */
  valueText(value: number): string;
  /** What choosing a bar does, as the button's name: "Show the 12 tokens never used". */
  actionName(bar: ChartBar): string;
  onSelect(bar: ChartBar): void;
  /** Places to choose from instead of `onSelect` (at least two), e.g. one per connection. */
  choicesOf?(bar: ChartBar): readonly MenuEntry[] | undefined;
  /** The table's column headers. */
  columns: { label: string; value: string };
  level?: 2 | 3;
}

const number = new Intl.NumberFormat();

export function BarChart({ title, note, bars, valueText, actionName, onSelect, choicesOf, columns, level }: BarChartProps) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  /** A bar's (or a table cell's) control: a button, or a menu button when it leads to several places. */
  const control = (bar: ChartBar, className: string, content: ReactNode) => {
    const choices = choicesOf?.(bar);
    if (choices && choices.length > 1) {
      return <Menu label={bar.label} items={choices} button={{ name: actionName(bar), content, className }} className="bar-menu" />;
    }
    return (
      <button type="button" className={className} aria-label={actionName(bar)} onClick={() => onSelect(bar)}>
        {content}
      </button>
    );
  };
  const chart = (
    <ul className="bar-chart">
      {bars.map((bar) => {
        // A bar with a count is never drawn thinner than a sliver, so "1" does not look like "0".
        const share = bar.value === 0 ? 0 : Math.max(1.5, (bar.value / max) * 100);
        return (
          <li key={bar.key}>
            {control(
              bar,
              'bar-row',
              <>
                <span className="bar-label">{bar.label}</span>
                <svg className="bar-track" aria-hidden="true" focusable="false" preserveAspectRatio="none">
                  <rect className={`bar-fill bar-${bar.tone ?? 'accent'}`} x="0" y="0" height="100%" width={`${share}%`} rx="3" />
                </svg>
                <span className="bar-value">{number.format(bar.value)}</span>
              </>,
            )}
          </li>
        );
      })}
    </ul>
  );
  const table = (
    <table className="chart-table">
      <thead>
        <tr>
          <th scope="col">{columns.label}</th>
          <th scope="col" className="num">
            {columns.value}
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row">{bar.label}</th>
            <td className="num">{control(bar, 'link', valueText(bar.value))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartFrame title={title} note={note} level={level} chart={chart} table={table} />;
}
