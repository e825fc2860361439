/**
 * The frame every chart sits in: its title, the "Show as table" switch and either the picture or
 * the same numbers as a table. The table is the chart's text alternative: the picture alone
 * would leave a screen-reader user, or anyone who prefers to read, with only the bars' names.
 */
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import './chart.css';

export interface ChartFrameProps {
  title: string;
  /** One sentence under the title: what the chart counts. */
  note?: ReactNode;
  /** The title's heading level under the page's h1. */
  level?: 2 | 3;
  chart: ReactNode;
  table: ReactNode;
  /** Under the chart or the table alike: a legend, the busiest actors. */
  footer?: ReactNode;
  className?: string;
}

export function ChartFrame({ title, note, level = 2, chart, table, footer, className }: ChartFrameProps) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={className ? `chart ${className}` : 'chart'} aria-labelledby={titleId}>
      <header className="chart-header">
        <div>
          <Heading id={titleId} className="chart-title">
            {title}
          </Heading>
          {note && <p className="chart-note">{note}</p>}
        </div>
        {/* A toggle button, so its state is read out ("pressed") and its name never changes. */}
        <button type="button" className="btn btn-quiet btn-small chart-toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          Show as table
        </button>
      </header>
      {asTable ? table : chart}
      {footer}
    </section>
  );
}
