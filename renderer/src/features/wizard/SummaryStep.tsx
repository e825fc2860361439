/**
 * Step 4, Summary: the token was created; its value in full with Copy; where the value is
 * kept. If the keychain refused it, say so loudly and keep Close locked until the user says
 * they have copied it. In rotate mode, offer to disable or delete the old token.
 *
 * Copy goes through main like every copy of a value (values.copy): main writes the clipboard
 * and clears it later, also for a value the keychain could not store (main keeps that one in
 * memory until the summary closes).
 */
import { useId, useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { CopyButton } from '../../ui/CopyButton';
import { useConnectionsStore } from '../connections/connections-store';
import { copyValue } from '../tokens/values';
import { notifyTokenChanged, notifyTokenRemoved } from './notify';
import type { CreateResult } from './use-create-token';

interface SummaryStepProps {
  result: CreateResult;
  oldToken?: TokenView;
  copiedConfirmed: boolean;
  onConfirmCopied(value: boolean): void;
}

export function SummaryStep({ result, oldToken, copiedConfirmed, onConfirmCopied }: SummaryStepProps) {
  const id = useId();
  // The in-app sandbox keeps values in memory, never in the keychain: say where the value really is.
  const inMemory = useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId)?.secretsInMemory === true);
  const [oldAction, setOldAction] = useState<{ busy?: 'disable' | 'delete'; confirmDelete?: boolean; done?: string; error?: string }>({});

  const act = async (action: 'disable' | 'delete') => {
    if (!oldToken) return;
    setOldAction({ busy: action });
    try {
      if (action === 'disable') {
        const updated = await desk.call('tokens.disable', { id: oldToken.id });
        notifyTokenChanged({ ...updated, replacedBy: updated.replacedBy ?? result.token.id });
        setOldAction({ done: `The old token “${oldToken.name}” (${oldToken.id}) is now disabled.` });
      } else {
        await desk.call('tokens.delete', { id: oldToken.id });
        notifyTokenRemoved(oldToken.id);
        setOldAction({ done: `The old token “${oldToken.name}” (${oldToken.id}) was deleted.` });
      }
    } catch (e) {
      setOldAction({ error: `Could not ${action} the old token: ${errorMessage(e)}` });
    }
  };

  return (
    <div className="wizard-summary">
      <p>
        The token <strong>{result.token.name}</strong> ({result.token.id}) was created.
      </p>
      {!result.stored && (
        <div className="wizard-alert wizard-alert-danger" role="alert">
          <p>
            <strong>The value could NOT be stored in this computer&apos;s keychain.</strong>{' '}
            {result.keychainError ? `(${result.keychainError}) ` : ''}This is the only time the Marketplace shows it: copy it now and keep it
            somewhere safe before you close this window.
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-value`}>Token value</label>
        <div className="field-row">
          <textarea
            id={`${id}-value`}
            className="wizard-value"
            readOnly
            rows={2}
            value={result.value}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
            autoComplete="off"
          />
          <CopyButton label="Copy" size="normal" onCopy={() => copyValue(result.token.id)} />
        </div>
      </div>
      {result.stored ? (
        <p className="wizard-stored">
          {inMemory
            ? 'Kept in memory for this sandbox run — you can copy it again from the token list until Token Desk quits.'
            : "Stored in this computer's keychain — you can copy it again later from the token list."}
        </p>
      ) : (
        <label className="wizard-check wizard-confirm">
          <input type="checkbox" checked={copiedConfirmed} onChange={(e) => onConfirmCopied(e.target.checked)} />
          <span>I have copied the value</span>
        </label>
      )}
      {oldToken && (
        <section className="wizard-rotate" aria-labelledby={`${id}-old`}>
          <h3 id={`${id}-old`}>The old token</h3>
          <p>
            “{oldToken.name}” ({oldToken.id}) still works. Once everything uses the new value, disable or delete it.
          </p>
          {oldAction.done ? (
            <p role="status" className="wizard-ok">
              {oldAction.done}
            </p>
          ) : oldAction.confirmDelete ? (
            <div className="form-actions" role="group" aria-label="Confirm deletion">
              <span>Delete “{oldToken.name}” permanently? This cannot be undone.</span>
              <button type="button" className="btn" onClick={() => setOldAction({})}>
                Keep it
              </button>
              <button type="button" className="btn btn-danger" onClick={() => void act('delete')}>
                Yes, delete the old token
              </button>
            </div>
          ) : (
            <div className="form-actions">
              <button type="button" className="btn" disabled={!!oldAction.busy || oldToken.status !== 'Active'} onClick={() => void act('disable')}>
                {oldAction.busy === 'disable' ? 'Disabling…' : 'Disable old token'}
              </button>
              <button type="button" className="btn btn-danger" disabled={!!oldAction.busy} onClick={() => setOldAction({ confirmDelete: true })}>
                {oldAction.busy === 'delete' ? 'Deleting…' : 'Delete old token'}
              </button>
            </div>
          )}
          {oldAction.error && (
            <p role="alert" className="field-error">
              {oldAction.error}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
