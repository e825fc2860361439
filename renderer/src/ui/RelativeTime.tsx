import { formatFull, formatRelative } from './format';

/** "3 days ago" with the exact local time on hover; `never` text when there is no date. */
export function RelativeTime({ iso, never = 'Never', now }: { iso: string | null | undefined; never?: string; now?: number }) {
  if (!iso) return <span className="muted">{never}</span>;
  const exact = formatFull(iso);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, now)}
    </time>
  );
}
