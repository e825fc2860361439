/**
 * "Try the sandbox": starts the in-app Marketplace with sample data and makes it the active
 * connection. Offered wherever a user has no connection yet (the connect screen, the empty
 * Connections page), with its failure said next to the button.
 */
import { useState } from 'react';
import { errorMessage } from '../../error-message';
import { Button } from '../../ui/Button';
import type { ButtonVariant } from '../../ui/Button';
import { FormError } from '../../ui/FormError';
import { useConnectionsStore } from './connections-store';

export function TrySandboxButton({ variant = 'secondary', onStarted }: { variant?: ButtonVariant; onStarted?: () => void }) {
  const trySandbox = useConnectionsStore((s) => s.trySandbox);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();

  async function start() {
    setStarting(true);
    setError(undefined);
    try {
      await trySandbox();
      onStarted?.();
    } catch (e) {
      setError(errorMessage(e, 'The sandbox could not start.'));
    } finally {
      setStarting(false);
    }
  }

  return (
    <>
      <Button variant={variant} onClick={() => void start()} disabled={starting}>
        {starting ? 'Starting the sandbox…' : 'Try the sandbox'}
      </Button>
      <FormError message={error} />
    </>
  );
}
