/** First-run screen: connect with an admin API token, or try the sandbox with no account. */
import { useState } from 'react';
import { errorMessage } from '../../error-message';
import { ConnectionForm } from '../connections/ConnectionForm';
import { useConnectionsStore } from '../connections/connections-store';
import { FormError } from '../../ui/FormError';

export function ConnectScreen() {
  const trySandbox = useConnectionsStore((s) => s.trySandbox);
  const [starting, setStarting] = useState(false);
  const [sandboxError, setSandboxError] = useState<string>();

  async function onTrySandbox() {
    setStarting(true);
    setSandboxError(undefined);
    try {
      await trySandbox();
    } catch (error) {
      setSandboxError(errorMessage(error, 'The sandbox could not start.'));
    } finally {
      setStarting(false);
    }
  }

  return (
    <div className="connect-layout">
      <section className="panel connect" aria-labelledby="connect-title">
        <h1 id="connect-title">Connect to the Marketplace</h1>
        <p className="muted">
          Token Desk manages the API tokens of your SoftwareOne Marketplace account. Connect with an API token of an account
          administrator; it is kept in this computer&apos;s keychain, never in a file.
        </p>
        <ConnectionForm />
      </section>
      <aside className="panel sandbox-card" aria-labelledby="sandbox-title">
        <h2 id="sandbox-title">No account at hand?</h2>
        <p className="muted">
          Try the sandbox: a local Marketplace with sample data for a Client account runs inside Token Desk, so you can use
          every feature without touching real tokens.
        </p>
        <button type="button" className="btn" onClick={onTrySandbox} disabled={starting}>
          {starting ? 'Starting the sandbox…' : 'Try the sandbox'}
        </button>
        <FormError message={sandboxError} />
      </aside>
    </div>
  );
}
