/**
 * When the tokens were last used, one bar per span (common/last-access.ts); a bar opens the
 * token table filtered to exactly its tokens. Counting all connections, a bar whose tokens are
 * in several of them asks which connection's table to open.
 */
import { LAST_ACCESS_LABELS, type LastAccessBucket } from '../../../../common/last-access';
import type { Overview } from '../../../../common/overview';
import { BarChart, type ChartBar, type ChartTone } from '../../ui/BarChart';
import type { MenuEntry } from '../../ui/Menu';
import { openTokensFiltered } from './open-from-overview';

const TONE: Readonly<Record<LastAccessBucket, ChartTone>> = { never: 'neutral', week: 'success', month: 'accent', quarter: 'accent', older: 'warning' };

const number = new Intl.NumberFormat();
const tokensText = (n: number) => `${number.format(n)} ${n === 1 ? 'token' : 'tokens'}`;

export function LastAccessChart({ overview, activeId }: { overview: Overview; activeId: string }) {
  const spans = new Map(overview.lastAccess.map((b) => [b.bucket as string, b]));
  const names = new Map(overview.connections.map((c) => [c.id, c.name]));
  const bars: ChartBar[] = overview.lastAccess.map((b) => ({ key: b.bucket, label: LAST_ACCESS_LABELS[b.bucket], value: b.count, tone: TONE[b.bucket] }));

  /** The connections holding a bar's tokens, the active one first. */
  const holders = (bar: ChartBar) =>
    Object.entries(spans.get(bar.key)?.byConnection ?? {})
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => Number(b === activeId) - Number(a === activeId));

  const open = (bar: ChartBar, connectionId?: string) => {
    const span = spans.get(bar.key);
    if (!span) return;
    void openTokensFiltered(connectionId ?? holders(bar)[0]?.[0] ?? activeId, span.filter);
  };

  const choicesOf = (bar: ChartBar): MenuEntry[] =>
    holders(bar).map(([id, n]) => ({
      key: id,
      label: `${names.get(id) ?? id} — ${tokensText(n)}`,
      name: `Show the ${tokensText(n)} of ${names.get(id) ?? id}`,
      current: id === activeId,
      onSelect: () => open(bar, id),
    }));

  const actionName = (bar: ChartBar) => {
    const where = holders(bar);
    if (where.length > 1) return `${bar.label}: ${tokensText(bar.value)} in ${where.length} connections. Choose whose to show`;
    return `${bar.label}: ${tokensText(bar.value)}. Show them in the token table`;
  };

  return (
    <BarChart
      title="Last access"
      note="When each token was last used. A bar opens the token table with exactly those tokens."
      bars={bars}
      valueText={tokensText}
      actionName={actionName}
      onSelect={(bar) => open(bar)}
      choicesOf={overview.connections.length > 1 ? choicesOf : undefined}
      columns={{ label: 'Last used', value: 'Tokens' }}
    />
  );
}
