/** First-run screen: connect with an admin API token, or try the sandbox with no account. */
import { Page } from '../../ui/Page';
import { ConnectionForm } from '../connections/ConnectionForm';
import { TrySandboxButton } from '../connections/TrySandboxButton';

export function ConnectScreen() {
  return (
    <Page
      titleId="connect-title"
      title="Connect to the Marketplace"
      subtitle="Token Desk manages the API tokens of your SoftwareOne Marketplace account. Connect with an API token of an account administrator; it is kept in this computer's keychain, never in a file."
    >
      <div className="connect-layout">
        <div className="panel connect">
          <ConnectionForm />
        </div>
        <aside className="panel sandbox-card" aria-labelledby="sandbox-title">
          <h2 id="sandbox-title">No account at hand?</h2>
          <p className="muted">
            Try the sandbox: a local Marketplace with sample data for a Client account runs inside Token Desk, so you can use every feature
            without touching real tokens.
          </p>
          {/* Secondary: connecting is the screen's main action; the sandbox is the way around it. */}
          <TrySandboxButton />
        </aside>
      </div>
    </Page>
  );
}
