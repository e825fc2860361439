/**
 * The Overview: what needs attention before any table is read — counts, when tokens were last
 * used, the findings with their next step, and the audit log's activity — for the active
 * connection or for all of them. Main computes the numbers from what is saved on this computer,
 * so the page shows offline too and says how old its data is. Loaded with this route only.
 */
import { useEffect } from 'react';
import { offlineText } from '../../offline-text';
import { afterNextPaint } from '../../ui/after-paint';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { formatDateTime } from '../../ui/format';
import { markOnce } from '../../ui/timing';
import { go } from '../../shell/router';
import { useConnectionsStore } from '../connections/connections-store';
import { Home } from '../home/Home';
import { useTokensStore } from '../tokens/store/tokens-store';
import { TokenDialogs } from '../tokens/TokenDialogs';
import { ActivityChart } from './ActivityChart';
import { AttentionList } from './AttentionList';
import { LastAccessChart } from './LastAccessChart';
import { StatusCounts } from './StatusCounts';
import type { OverviewScope } from './model';
import { ensureTokenList } from './open-from-overview';
import { useOverviewStore } from './overview-store';
import { ReportButton } from '../report/ReportButton';
import './overview.css';

const SCOPES: readonly { key: OverviewScope; label: string }[] = [
  { key: 'connection', label: 'This connection' },
  { key: 'all', label: 'All connections' },
];

export function OverviewPage() {
  const active = useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId));
  const connectionCount = useConnectionsStore((s) => s.connections.length);
  const offlineMessage = useConnectionsStore((s) => s.offlineMessage);
  const needsToken = useConnectionsStore((s) => s.needsToken);
  const { scope, phase, result, error, setScope } = useOverviewStore();
  const tokensOffline = useTokensStore((s) => s.offline);
  // The numbers are asked again when the list changes (a refresh, a Disable) or is saved anew.
  const tokens = useTokensStore((s) => s.tokens);
  const fetchedAt = useTokensStore((s) => s.fetchedAt);
  const activeId = active?.id;

  useEffect(() => {
    if (!activeId) return;
    ensureTokenList(activeId);
    void useOverviewStore.getState().refreshAudit(activeId);
  }, [activeId]);
  useEffect(() => {
    if (!activeId) return undefined;
    const later = setTimeout(() => void useOverviewStore.getState().load(activeId), useOverviewStore.getState().result ? 250 : 0);
    return () => clearTimeout(later);
  }, [activeId, tokens, fetchedAt, scope]);
  useEffect(() => {
    if (result) void afterNextPaint().then(() => markOnce('overview:paint'));
  }, [result]);

  // A credential rejected at launch: the same form as the token list's, before any number.
  if (needsToken && active) return <Home />;
  if (!active) {
    return (
      <Page title="Overview">
        <EmptyState title="No connection yet" action={<Button variant="primary" onClick={() => go('tokens')}>Connect</Button>}>
          The Overview sums up the API tokens of your connections. Connect to an account, or try the sandbox, first.
        </EmptyState>
      </Page>
    );
  }

  const several = connectionCount > 1;
  const asOf = result?.asOf ?? null;
  const subtitle = result
    ? asOf
      ? `What needs attention in ${scope === 'all' ? 'all your connections' : active.name}, as of ${formatDateTime(asOf)}.`
      : `Nothing is saved on this computer for ${scope === 'all' ? 'your connections' : active.name} yet.`
    : `What needs attention in ${scope === 'all' ? 'all your connections' : active.name}.`;

  return (
    <Page
      titleId="overview-title"
      className="overview-page"
      title="Overview"
      subtitle={subtitle}
      actions={
        <>
          {several && (
            <div className="scope-switch" role="group" aria-label="Count">
              {SCOPES.map((s) => (
                <button key={s.key} type="button" className={scope === s.key ? 'btn btn-small btn-primary' : 'btn btn-small btn-secondary'} aria-pressed={scope === s.key} onClick={() => setScope(s.key)}>
                  {s.label}
                </button>
              ))}
            </div>
          )}
          {/* The report covers what the page counts: this connection or all of them. */}
          <ReportButton scope={scope === 'all' ? 'all' : active.id} />
        </>
      }
    >
      {/* The page's one offline banner (the shell leaves this route's to it), with the date of the data shown. */}
      {tokensOffline ? (
        <p role="status" className="banner banner-warning">
          {offlineText(tokensOffline, asOf, asOf !== null)}
        </p>
      ) : offlineMessage ? (
        <p role="status" className="banner banner-warning">
          Offline: {offlineMessage}
          {asOf ? ` Showing data from ${formatDateTime(asOf)}.` : ''}
        </p>
      ) : null}
      {error && (
        <div role="alert" className="banner banner-error">
          {error}
        </div>
      )}
      {phase === 'loading' && !result ? (
        <p role="status" className="muted overview-loading">
          Counting your tokens…
        </p>
      ) : result && result.tokens === 0 && result.audit.total === 0 ? (
        <EmptyState title="No tokens to sum up" action={<Button onClick={() => go('tokens')}>Go to API tokens</Button>}>
          {asOf ? 'This account has no API tokens yet.' : 'The token list has not been read yet: it is saved the first time the API tokens page loads it.'}
        </EmptyState>
      ) : result ? (
        <div className="overview-grid">
          <StatusCounts overview={result} />
          <LastAccessChart overview={result} activeId={active.id} />
          <AttentionList overview={result} />
          <ActivityChart overview={result} activeId={active.id} activeName={active.name} />
        </div>
      ) : null}
      <TokenDialogs />
    </Page>
  );
}

export default OverviewPage;
