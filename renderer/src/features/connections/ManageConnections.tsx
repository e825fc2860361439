/** Every saved connection: switch, rename, re-enter the token of, remove; and add another. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConnectionProfile } from '../../../../common/contract';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { useDeskForm } from '../../ui/use-desk-form';
import { useConnectionsStore } from './connections-store';
import { AccountBadges, IN_MEMORY_NOTE } from './AccountBadge';
import { ConnectionForm } from './ConnectionForm';
import { ReenterTokenForm } from './ReenterTokenForm';
import { FormError } from '../../ui/FormError';

type Editing = { id: string; what: 'rename' | 'token' } | undefined;

function RenameForm({ profile, onDone }: { profile: ConnectionProfile; onDone(): void }) {
  const rename = useConnectionsStore((s) => s.rename);
  const [name, setName] = useState(profile.name);
  const { busy, submit, fieldError, errors } = useDeskForm();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await submit(async () => (await rename(profile.id, name), true))) onDone();
  }
  return (
    <form className="form inline-form" onSubmit={onSubmit} aria-label={`Rename ${profile.name}`} noValidate>
      <Field label="Display name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name') ?? errors.message} autoFocus />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

export function ManageConnections() {
  const { connections, activeId, switchTo, remove } = useConnectionsStore();
  const [editing, setEditing] = useState<Editing>();
  const [removing, setRemoving] = useState<ConnectionProfile>();
  const [adding, setAdding] = useState(false);
  const removeForm = useDeskForm();

  return (
    <section className="panel" aria-labelledby="manage-title">
      <h1 id="manage-title">Connections</h1>
      <p className="muted">Each connection is one Marketplace account in one environment. Its API token stays in this computer&apos;s keychain.</p>
      {connections.length === 0 && <p>No connections yet.</p>}
      <ul className="connection-list" aria-label="Saved connections">
        {connections.map((c) => (
          <li key={c.id} className="connection-item" aria-label={c.name}>
            <div className="connection-head">
              <div>
                <strong>{c.name}</strong> {c.id === activeId && <span className="badge badge-active">Active</span>} <AccountBadges profile={c} />
                <div className="muted">
                  {c.account.name} · {c.account.id} · {c.sandbox ? 'local sandbox' : c.baseUrl}
                </div>
                {c.secretsInMemory && <p className="muted">{IN_MEMORY_NOTE}</p>}
              </div>
              <div className="row-actions">
                {c.id !== activeId && (
                  <button type="button" className="btn" onClick={() => void switchTo(c.id)}>
                    Switch to
                  </button>
                )}
                <button type="button" className="btn" onClick={() => setEditing({ id: c.id, what: 'rename' })}>
                  Rename
                </button>
                {!c.sandbox && (
                  <button type="button" className="btn" onClick={() => setEditing({ id: c.id, what: 'token' })}>
                    Re-enter token
                  </button>
                )}
                <button type="button" className="btn btn-danger-outline" onClick={() => setRemoving(c)}>
                  Remove
                </button>
              </div>
            </div>
            {editing?.id === c.id && editing.what === 'rename' && <RenameForm profile={c} onDone={() => setEditing(undefined)} />}
            {editing?.id === c.id && editing.what === 'token' && <ReenterTokenForm id={c.id} onDone={() => setEditing(undefined)} onCancel={() => setEditing(undefined)} />}
          </li>
        ))}
      </ul>
      {adding ? (
        <div className="subpanel">
          <h2>Add a connection</h2>
          <ConnectionForm submitLabel="Add connection" onDone={() => setAdding(false)} />
        </div>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
          Add connection
        </button>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove "${removing.name}"?`}
          confirmLabel="Remove connection"
          danger
          busy={removeForm.busy}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() =>
            void removeForm.submit(async () => {
              await remove(removing.id);
              setRemoving(undefined);
            })
          }
        >
          <p>
            Token Desk forgets this connection and deletes its API token and every token value it stored for {removing.account.name} from this
            computer&apos;s keychain. The tokens themselves stay in the Marketplace.
          </p>
          <FormError message={removeForm.errors.message} />
        </ConfirmDialog>
      )}
    </section>
  );
}
