/**
 * A token's name or description as the user types it, with its counter against the limit: one
 * component for the Add API token wizard and the Edit dialog, so both count and word alike.
 */
import type { RefObject } from 'react';
import { TOKEN_DESCRIPTION_MAX, TOKEN_NAME_MAX } from '../../../../common/limits';
import { FieldFrame } from '../../ui/Field';

interface TokenTextFieldProps {
  kind: 'name' | 'description';
  value: string;
  onChange(value: string): void;
  error?: string;
  /** Leaving the field: the forms show its error from then on. */
  onBlur?(): void;
  /** The error reads as a reason until the user has worked on the field. */
  quietError?: boolean;
  inputRef?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}

export function TokenTextField({ kind, value, onChange, error, onBlur, quietError, inputRef }: TokenTextFieldProps) {
  // The limits count the text as it is saved: trimmed.
  const count = { length: value.trim().length, max: kind === 'name' ? TOKEN_NAME_MAX : TOKEN_DESCRIPTION_MAX };
  if (kind === 'name') {
    return (
      <FieldFrame label="Name (required)" error={error} quietError={quietError} count={count}>
        {(control) => (
          <input
            {...control}
            ref={inputRef as RefObject<HTMLInputElement | null> | undefined}
            value={value}
            autoComplete="off"
            aria-required="true"
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )}
      </FieldFrame>
    );
  }
  return (
    <FieldFrame label="Description (optional)" error={error} quietError={quietError} count={count}>
      {(control) => (
        <textarea {...control} ref={inputRef as RefObject<HTMLTextAreaElement | null> | undefined} value={value} rows={3} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
      )}
    </FieldFrame>
  );
}
