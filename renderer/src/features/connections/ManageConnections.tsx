/** Every saved connection: switch, rename, re-enter the token of, remove; and add another. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConnectionProfile } from '../../../../common/contract';
import { go } from '../../shell/router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { Page } from '../../ui/Page';
import { useDeskForm } from '../../ui/use-desk-form';
import { useConnectionsStore } from './connections-store';
import { AccountBadges, IN_MEMORY_NOTE } from './AccountBadge';
import { ConnectionForm } from './ConnectionForm';
import { ReenterTokenForm } from './ReenterTokenForm';
import { TrySandboxButton } from './TrySandboxButton';

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
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          Save
        </Button>
      </div>
    </form>
  );
}

function ConnectionItem({ profile, active, editing, onEdit }: { profile: ConnectionProfile; active: boolean; editing: Editing; onEdit(next: Editing): void }) {
  const switchTo = useConnectionsStore((s) => s.switchTo);
  const [removing, setRemoving] = useState(false);
  const remove = useConnectionsStore((s) => s.remove);
  const removeForm = useDeskForm();
  const c = profile;
  return (
    <li className="connection-item" aria-label={c.name}>
      <div className="connection-head">
        <div className="connection-facts">
          <div className="connection-title">
            <strong>{c.name}</strong>
            {active && <Badge tone="success">Active</Badge>}
            <AccountBadges profile={c} all />
          </div>
          <div className="muted">
            {c.account.name} · {c.account.id} · {c.sandbox ? 'local sandbox' : c.baseUrl}
          </div>
          {c.secretsInMemory && <p className="muted small">{IN_MEMORY_NOTE}</p>}
        </div>
        <div className="row-actions">
          {!active && <Button onClick={() => void switchTo(c.id)}>Switch to</Button>}
          <Button variant="quiet" onClick={() => onEdit({ id: c.id, what: 'rename' })}>
            Rename
          </Button>
          {!c.sandbox && (
            <Button variant="quiet" onClick={() => onEdit({ id: c.id, what: 'token' })}>
              Re-enter token
            </Button>
          )}
          <Button variant="quiet" className="btn-danger-text" onClick={() => setRemoving(true)}>
            Remove
          </Button>
        </div>
      </div>
      {editing?.id === c.id && editing.what === 'rename' && <RenameForm profile={c} onDone={() => onEdit(undefined)} />}
      {editing?.id === c.id && editing.what === 'token' && <ReenterTokenForm id={c.id} onDone={() => onEdit(undefined)} onCancel={() => onEdit(undefined)} />}
      {removing && (
        <ConfirmDialog
          title={`Remove "${c.name}"?`}
          confirmLabel="Remove connection"
          danger
          busy={removeForm.busy}
          onCancel={() => setRemoving(false)}
          onConfirm={() => void removeForm.submit(() => remove(c.id))}
        >
          <p>
            Token Desk forgets this connection and deletes its API token and every token value it stored for {c.account.name} from this
            computer&apos;s keychain. The tokens themselves stay in the Marketplace.
          </p>
          <FormError message={removeForm.errors.message} />
        </ConfirmDialog>
      )}
    </li>
  );
}

export function ManageConnections() {
  const { connections, activeId } = useConnectionsStore();
  const [editing, setEditing] = useState<Editing>();
  const [adding, setAdding] = useState(false);
  const empty = connections.length === 0;

  return (
    <Page
      titleId="manage-title"
      title="Connections"
      subtitle="Each connection is one Marketplace account in one environment. Its API token stays in this computer's keychain."
      actions={
        !empty &&
        !adding && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add connection
          </Button>
        )
      }
    >
      {empty && !adding && (
        <EmptyState
          title="No connections yet"
          action={
            <>
              <Button variant="primary" onClick={() => setAdding(true)}>
                Add connection
              </Button>
              <TrySandboxButton onStarted={() => go('tokens')} />
            </>
          }
        >
          Add one with an API token of an account administrator, or try the sandbox: sample data that runs inside Token Desk, with no account needed.
        </EmptyState>
      )}
      {!empty && (
        <ul className="connection-list" aria-label="Saved connections">
          {connections.map((c) => (
            <ConnectionItem key={c.id} profile={c} active={c.id === activeId} editing={editing} onEdit={setEditing} />
          ))}
        </ul>
      )}
      {adding && (
        <section className="panel" aria-labelledby="add-connection-title">
          <h2 id="add-connection-title" className="section-title">
            Add a connection
          </h2>
          <ConnectionForm submitLabel="Add connection" onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
        </section>
      )}
    </Page>
  );
}
