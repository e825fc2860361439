/** Add a connection: name, environment and the admin's API token, verified before anything is saved. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useDeskForm } from '../../ui/use-desk-form';
import { useConnectionsStore } from './connections-store';
import { FormError } from '../../ui/FormError';

export const DEFAULT_ENVIRONMENT = 'https://api.platform.softwareone.com';

export function ConnectionForm({ onDone, onCancel, submitLabel = 'Connect' }: { onDone?: () => void; onCancel?: () => void; submitLabel?: string }) {
  const add = useConnectionsStore((s) => s.add);
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState(DEFAULT_ENVIRONMENT);
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const { busy, errors, submit, fieldError } = useDeskForm();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const profile = await submit(() => add({ name, baseUrl, token }));
    if (profile) {
      setToken('');
      onDone?.();
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Add a connection" noValidate>
      <Field label="Display name" name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Stark Industries (production)" error={fieldError('name')} autoComplete="off" required />
      <Field
        label="Environment"
        name="baseUrl"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        hint="The Marketplace API address. Change it only for a test environment."
        error={fieldError('baseUrl')}
        inputMode="url"
        autoComplete="off"
        required
      />
      <Field
        label="API token"
        name="token"
        type={showToken ? 'text' : 'password'}
        value={token}
        onChange={(e) => setToken(e.target.value)}
        hint="An API token of an account administrator, starting with idt:TKN-. Token Desk keeps it in this computer's keychain."
        error={fieldError('token')}
        autoComplete="off"
        spellCheck={false}
        required
        after={
          <Button variant="quiet" aria-pressed={showToken} onClick={() => setShowToken((v) => !v)}>
            {showToken ? 'Hide' : 'Show'}
          </Button>
        }
      />
      <FormError message={errors.message} />
      <div className="form-actions">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Checking the token…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
