/**
 * Counts per day as columns, each stacked by series (e.g. audit events by type), in plain SVG.
 * The columns are one tab stop: arrows, Home and End move between days, Enter or Space opens
 * the day (`onSelect`); every column has a name saying its day and its counts. "Show as table"
 * lists the days that have any count, with the same action.
 */
import { useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { ChartFrame } from './ChartFrame';

export interface DaySeries {
  key: string;
  label: string;
}

export interface DayColumn {
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
  /** One count per series, in the series' order. */
  counts: readonly number[];
}

export interface DayChartProps {
  title: string;
  note?: string;
  /** At most six: each takes one of the chart colours of the theme. */
  series: readonly DaySeries[];
  /** Oldest first. */
  days: readonly DayColumn[];
  /** "Tue, Nov 3, 2026". */
  dayText(day: string): string;
  /** What a column's action does: "Open the audit log of Tue, Nov 3". */
  actionName(day: string): string;
  onSelect(day: string): void;
  /** The unit of the counts, plural: "events". */
  unit: string;
  footer?: ReactNode;
}

const number = new Intl.NumberFormat();
const STEP = 10;
const HEIGHT = 100;

const sum = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

export function DayChart({ title, note, series, days, dayText, actionName, onSelect, unit, footer }: DayChartProps) {
  const [focused, setFocused] = useState(days.length - 1);
  const columns = useRef<(SVGGElement | null)[]>([]);
  const max = Math.max(1, ...days.map((d) => sum(d.counts)));

  const describe = (d: DayColumn) => {
    const total = sum(d.counts);
    const parts = series.map((s, i) => (d.counts[i] ? `${number.format(d.counts[i]!)} ${s.label.toLowerCase()}` : '')).filter(Boolean);
    return `${dayText(d.day)}: ${number.format(total)} ${unit}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  };

  function move(to: number) {
    const next = Math.max(0, Math.min(days.length - 1, to));
    setFocused(next);
    columns.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<SVGGElement>, index: number) {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => move(index - 1),
      ArrowRight: () => move(index + 1),
      Home: () => move(0),
      End: () => move(days.length - 1),
      Enter: () => onSelect(days[index]!.day),
      ' ': () => onSelect(days[index]!.day),
    };
    const run = keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  }

  const empty = days.every((d) => sum(d.counts) === 0);
  const chart = empty ? (
    <p className="muted">No {unit} in these days.</p>
  ) : (
    <div className="day-chart">
      <p className="day-chart-max" aria-hidden="true">
        Most in a day: {number.format(max)}
      </p>
      <svg
        className="day-chart-plot"
        viewBox={`0 0 ${days.length * STEP} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="group"
        aria-label={`${title}, one column per day; arrow keys move between days`}
      >
        <line className="day-chart-grid" x1="0" x2={days.length * STEP} y1={HEIGHT / 2} y2={HEIGHT / 2} vectorEffect="non-scaling-stroke" />
        <line className="day-chart-axis" x1="0" x2={days.length * STEP} y1={HEIGHT} y2={HEIGHT} vectorEffect="non-scaling-stroke" />
        {days.map((d, i) => {
          let y = HEIGHT;
          return (
            <g
              key={d.day}
              ref={(el) => {
                columns.current[i] = el;
              }}
              role="button"
              className="day-column"
              tabIndex={i === focused ? 0 : -1}
              aria-label={`${describe(d)}. ${actionName(d.day)}`}
              onClick={() => {
                setFocused(i);
                onSelect(d.day);
              }}
              onFocus={() => setFocused(i)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              <title>{describe(d)}</title>
              <rect className="day-hit" x={i * STEP} y="0" width={STEP} height={HEIGHT} vectorEffect="non-scaling-stroke" />
              {d.counts.map((count, s) => {
                if (!count) return null;
                const h = (count / max) * (HEIGHT - 2);
                y -= h;
                return <rect key={s} className={`day-bar series-${s + 1}`} x={i * STEP + 1.5} y={y} width={STEP - 3} height={h} />;
              })}
            </g>
          );
        })}
      </svg>
      <p className="day-chart-axis-labels" aria-hidden="true">
        <span>{days[0] ? dayText(days[0].day) : ''}</span>
        <span>{days.length > 0 ? dayText(days[days.length - 1]!.day) : ''}</span>
      </p>
      <ul className="chart-legend" aria-label="Colours">
        {series.map((s, i) => (
          <li key={s.key}>
            <span className={`chart-swatch series-${i + 1}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );

  const withCounts = days.filter((d) => sum(d.counts) > 0).reverse();
  const table = withCounts.length ? (
    <div className="chart-table-scroll">
      <table className="chart-table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {withCounts.map((d) => (
            <tr key={d.day}>
              <th scope="row">
                <button type="button" className="link" aria-label={actionName(d.day)} onClick={() => onSelect(d.day)}>
                  {dayText(d.day)}
                </button>
              </th>
              {d.counts.map((c, i) => (
                <td key={series[i]?.key ?? i} className="num">
                  {number.format(c)}
                </td>
              ))}
              <td className="num">{number.format(sum(d.counts))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ) : (
    <p className="muted">No {unit} in these days.</p>
  );

  return <ChartFrame className="day-chart-frame" title={title} note={note} chart={chart} table={table} footer={footer} />;
}
