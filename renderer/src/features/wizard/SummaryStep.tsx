/**
 * Step 4, Summary: the token was created; its value in full with Copy; where the value is
 * kept. If the keychain refused it, say so loudly and keep Close locked until the user says
 * they have copied it.
 *
 * Copy goes through main like every copy of a value (values.copy): main writes the clipboard
 * and clears it later, also for a value the keychain could not store (main keeps that one in
 * memory until the summary closes).
 */
import { useId } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { useConnectionsStore } from '../connections/connections-store';
import { copyValue } from '../tokens/values';
import type { CreateResult } from './use-create-token';

interface SummaryStepProps {
  result: CreateResult;
  copiedConfirmed: boolean;
  onConfirmCopied(value: boolean): void;
}

export function SummaryStep({ result, copiedConfirmed, onConfirmCopied }: SummaryStepProps) {
  const id = useId();
  // The in-app sandbox keeps values in memory, never in the keychain: say where the value really is.
  const inMemory = useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId)?.secretsInMemory === true);

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
    </div>
  );
}
