import { formatFull, formatRelative } from './format';

/**
 * A time as the tables show it: relative ("3 days ago"), with the exact local time on hover
 * (title) and for screen readers (read after the relative time; a title alone is not reliably
 * announced). `never` is the text when there is no date.
 */
export function RelativeTime({ iso, never = 'Never', now }: { iso: string | null | undefined; never?: string; now?: number }) {
  const exact = iso ? formatFull(iso) : '';
  if (!iso || !exact) return <span className="muted">{never}</span>;
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, now)}
      <span className="visually-hidden">, {exact}</span>
    </time>
  );
}
