/** The main view: the connect screen until a connection is active, then its API tokens. */
import { useConnectionsStore } from '../connections/connections-store';
import { ConnectScreen } from '../connect/ConnectScreen';
import { ReenterTokenForm } from '../connections/ReenterTokenForm';
import { TokensPage } from '../tokens/TokensPage';
import { Page } from '../../ui/Page';

export function Home() {
  const { phase, needsToken, startupError } = useConnectionsStore();
  const active = useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId));

  // While the saved connection is checked, its cached table already shows (it needs no keychain
  // or network; the refresh waits for the check). A rejected credential then brings the form.
  if (phase === 'starting' && active) return <TokensPage connectionId={active.id} />;
  if (phase === 'starting') {
    return (
      <p role="status" className="muted">
        Opening your saved connection…
      </p>
    );
  }
  if (needsToken && active) {
    return (
      <Page titleId="reenter-title" title={`Re-enter the API token of “${active.name}”`}>
        <div className="panel">
          <p role="alert" className="reenter-reason">
            {needsToken.message}
          </p>
          <ReenterTokenForm id={active.id} />
        </div>
      </Page>
    );
  }
  if (!active) {
    return (
      <>
        {startupError && (
          <p role="alert" className="banner banner-error">
            {startupError}
          </p>
        )}
        <ConnectScreen />
      </>
    );
  }
  // The active connection's token table.
  return <TokensPage connectionId={active.id} />;
}
