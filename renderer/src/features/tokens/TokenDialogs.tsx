import { Suspense, useId, useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import { DeskError } from '../../../../common/errors';
import { checkTokenValue } from '../../../../common/token-value';
import { desk } from '../../desk';
import { useShellStore } from '../../shell/shell-store';
import { useTokensStore } from './store/tokens-store';
import { errorMessage } from '../../error-message';
import { useTokensUiStore } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { daysSince, formatRelative } from '../../ui/format';
import { useIsOwnToken, useOwnTokenId } from './own-token';
import { ownTokenReason } from '../../../../common/own-token';
import { DisableTokenDialog } from './details/DisableDialog';
import { lazyExport } from '../../ui/lazy-export';

// The edit form checks its fields with the contract's schemas: its code loads when it first
// opens, not with the window (tests/unit/renderer/start-code.test.ts).
const EditTokenDialog = lazyExport(() => import('./EditTokenDialog'), 'EditTokenDialog');

/** Renders the dialog the ui store says is open. */
export function TokenDialogs() {
  const dialog = useTokensUiStore((s) => s.dialog);
  const tokens = useTokensStore((s) => s.tokens);
  const close = useTokensUiStore((s) => s.closeDialog);
  if (!dialog) return null;
  if (dialog.kind === 'bulkDelete') return <BulkDeleteDialog ids={dialog.ids} onClose={close} />;
  const token = tokens.find((t) => t.id === dialog.tokenId);
  if (!token) return null;
  if (dialog.kind === 'edit')
    return (
      <Suspense fallback={null}>
        <EditTokenDialog key={token.id} token={token} onClose={close} />
      </Suspense>
    );
  if (dialog.kind === 'delete') return <DeleteTokenDialog token={token} onClose={close} />;
  if (dialog.kind === 'disable') return <DisableTokenDialog token={token} onClose={close} />;
  return <AddValueDialog token={token} onClose={close} />;
}

export function recentUseWarning(token: TokenView, now = Date.now()): string | null {
  const days = daysSince(token.lastAccessAt, now);
  if (days === null || days > 30) return null;
  return `This token was used ${formatRelative(token.lastAccessAt, now)} — anything using it will stop working.`;
}

/**
 * Answers that mean "no" rather than "not now": once one is shown, the dialog's Delete button
 * stays off, since pressing it again would only bring the same refusal.
 */
const REFUSALS = new Set(['validation', 'forbidden', 'conflict', 'not_found', 'unauthorized']);

function DeleteTokenDialog({ token, onClose }: { token: TokenView; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; refused: boolean } | null>(null);
  const own = useIsOwnToken(token.id);
  const warning = recentUseWarning(token);

  async function remove() {
    if (own) return;
    setBusy(true);
    setError(null);
    try {
      const result = await desk.call('tokens.delete', { id: token.id });
      useTokensStore.getState().removeToken(token.id);
      useShellStore.getState().pushNotice({
        level: 'success',
        message: `Deleted “${token.name}”.${result.valueRemoved ? ' Its stored value was removed from the keychain too.' : ''}`,
      });
      onClose();
    } catch (e) {
      setError({ message: errorMessage(e, 'Could not delete the token.'), refused: DeskError.is(e) && REFUSALS.has(e.code) });
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={`Delete “${token.name}”?`}
      confirmLabel={busy ? 'Deleting…' : 'Delete token'}
      danger
      busy={busy || own || error?.refused === true}
      onConfirm={() => void remove()}
      onCancel={onClose}
    >
      {own ? (
        <p>{ownTokenReason('delete')}</p>
      ) : (
        <p>
          “{token.name}” ({token.id}) will be deleted permanently. It cannot be restored.
        </p>
      )}
      {warning && !own ? <p className="warning-text">{warning}</p> : null}
      {error ? (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

function BulkDeleteDialog({ ids, onClose }: { ids: string[]; onClose(): void }) {
  const tokens = useTokensStore((s) => s.tokens);
  const ownId = useOwnTokenId();
  const selected = ids.map((id) => tokens.find((t) => t.id === id)).filter((t): t is TokenView => !!t);
  // The token the connection signs in with is named apart and left alone; it still goes to
  // main (which skips it as well) so the results count it as skipped.
  const own = selected.find((t) => t.id === ownId);
  const chosen = selected.filter((t) => t !== own);
  const recent = chosen.filter((t) => recentUseWarning(t) !== null).length;
  const count = `${chosen.length} token${chosen.length === 1 ? '' : 's'}`;
  return (
    <ConfirmDialog
      title={`Delete ${count}?`}
      confirmLabel={`Delete ${count}`}
      danger
      busy={chosen.length === 0}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        void useTokensStore.getState().runBulk(
          'delete',
          selected.map((t) => t.id),
        );
      }}
    >
      {own ? <p>“{own.name}” is skipped: this connection signs in with it.</p> : null}
      {chosen.length > 0 ? <p>These tokens will be deleted permanently:</p> : null}
      <ul className="bulk-names">
        {chosen.slice(0, 10).map((t) => (
          <li key={t.id}>
            {t.name} <span className="muted">{t.id}</span>
          </li>
        ))}
        {chosen.length > 10 ? <li>and {chosen.length - 10} more</li> : null}
      </ul>
      {recent > 0 ? (
        <p className="warning-text">
          {recent} of them {recent === 1 ? 'was' : 'were'} used in the last 30 days — anything using {recent === 1 ? 'it' : 'them'} will stop
          working.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

function AddValueDialog({ token, onClose }: { token: TokenView; onClose(): void }) {
  const base = useId();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const check = checkTokenValue(value, token.id);
    setFieldError(check.ok ? null : check.problem);
    setError(null);
    if (!check.ok) return;
    setBusy(true);
    try {
      const updated = await desk.call('values.add', { id: token.id, value: check.value });
      useTokensStore.getState().applyToken(updated);
      useShellStore.getState().pushNotice({ level: 'success', message: `The value of “${token.name}” is now kept in the keychain.` });
      setValue('');
      onClose();
    } catch (e) {
      if (DeskError.is(e) && e.fields) {
        const messages = Object.values(e.fields).flat();
        setFieldError(messages.join(' ') || e.message);
      } else setError(errorMessage(e, 'Could not add the value.'));
      setBusy(false);
    }
  }

  const formId = `${base}-form`;
  return (
    <Dialog
      title={`Add the value of “${token.name}”`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} disabled={busy}>
            {busy ? 'Checking…' : 'Verify and keep'}
          </Button>
        </>
      }
    >
      <form id={formId} className="tk-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">
          Paste the value you saved when the token was created. Token Desk checks it with the Marketplace before keeping it in this
          computer&apos;s keychain.
        </p>
        <label className="field">
          <span className="field-label">Token value</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={`idt:${token.id}:…`}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${base}-err` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              if (fieldError) setFieldError(null);
            }}
          />
        </label>
        {fieldError ? (
          <p id={`${base}-err`} className="field-error">
            {fieldError}
          </p>
        ) : null}
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
