/** Replace the saved admin token of a connection (verified against the same account first). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useDeskForm } from '../../ui/use-desk-form';
import { useConnectionsStore } from './connections-store';
import { FormError } from '../../ui/FormError';

export function ReenterTokenForm({ id, onDone, onCancel }: { id: string; onDone?: () => void; onCancel?: () => void }) {
  const reenterToken = useConnectionsStore((s) => s.reenterToken);
  const [token, setToken] = useState('');
  const { busy, errors, submit, fieldError } = useDeskForm();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await submit(async () => (await reenterToken(id, token), true));
    if (ok) onDone?.();
  }

  return (
    <form className="form inline-form" onSubmit={onSubmit} aria-label="Re-enter API token" noValidate>
      <Field label="New API token" name="token" type="password" value={token} onChange={(e) => setToken(e.target.value)} error={fieldError('token')} autoComplete="off" spellCheck={false} autoFocus />
      <FormError message={errors.message} />
      <div className="form-actions">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Save token'}
        </Button>
      </div>
    </form>
  );
}
