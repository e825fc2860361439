/**
 * "Your keychain still holds the admin tokens of N connections": one small form per token. Each
 * restore asks main to verify the token with "who am I" at the given address before a profile is
 * saved (connections.restoreFromKeychain); the token itself never reaches this page.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_BASE_URL } from '../../../../common/base-url';
import type { ConnectionProfile, RecoverableConnection } from '../../../../common/contract';
import { desk } from '../../desk';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useDeskForm } from '../../ui/use-desk-form';
import { FormError } from '../../ui/FormError';

export function RestoreFromKeychain({ connections, onRestored }: { connections: RecoverableConnection[]; onRestored(profile: ConnectionProfile): void }) {
  return (
    <section aria-labelledby="restore-from-keychain-title">
      <h3 id="restore-from-keychain-title">Restore connections from your keychain</h3>
      <p>
        Your keychain still holds the admin API {connections.length === 1 ? 'token of 1 connection' : `tokens of ${connections.length} connections`}.
        Give each one its API address to restore it: Token Desk checks the token with the Marketplace (&ldquo;who am I&rdquo;) before it saves the
        connection again.
      </p>
      <ul className="restore-list">
        {connections.map((c) => (
          <li key={c.id}>
            <RestoreOne connection={c} onRestored={onRestored} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RestoreOne({ connection, onRestored }: { connection: RecoverableConnection; onRestored(profile: ConnectionProfile): void }) {
  const [name, setName] = useState(`Restored ${connection.adminTokenId}`);
  // The address the token was saved for: main sends it nowhere else.
  const [baseUrl, setBaseUrl] = useState(connection.baseUrl ?? DEFAULT_BASE_URL);
  const [restored, setRestored] = useState<ConnectionProfile | null>(null);
  const { busy, errors, submit, fieldError } = useDeskForm();

  if (restored) {
    return (
      <p role="status">
        Restored &ldquo;{restored.name}&rdquo;: {restored.account.name} ({restored.account.type}), admin token {restored.adminTokenId}.
      </p>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const profile = await submit(() => desk.call('connections.restoreFromKeychain', { id: connection.id, name, baseUrl }));
    if (profile) {
      setRestored(profile);
      onRestored(profile);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Restore the connection of admin token ${connection.adminTokenId}`} noValidate>
      <Field label="Display name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} autoComplete="off" required />
      <Field
        label="Environment"
        name="baseUrl"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        hint="The Marketplace API address this connection used."
        error={fieldError('baseUrl') ?? fieldError('token')}
        inputMode="url"
        autoComplete="off"
        required
      />
      <FormError message={errors.message} />
      <div className="form-actions">
        <Button type="submit" disabled={busy}>
          {busy ? 'Checking…' : `Restore ${connection.adminTokenId}`}
        </Button>
      </div>
    </form>
  );
}
