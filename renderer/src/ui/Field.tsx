/**
 * A labelled control with its counter, error and hint wired for screen readers
 * (aria-describedby, aria-invalid). `FieldFrame` lays out any control; `Field` is the common
 * case of one text input.
 */
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  /**
   * The error reads as a reason (muted, not invalid) until the user has worked on the field:
   * an empty required field is not wrong before anyone typed in it.
   */
  quietError?: boolean;
  /** How long the text is against its maximum, shown under the control. */
  count?: { length: number; max: number };
  /** Next to the control (e.g. a Show button). */
  after?: ReactNode;
}

/** What the frame gives its control: its id and what describes it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function FieldFrame({ label, hint, error, quietError, count, after, children }: FieldFrameProps & { children(control: ControlProps): ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const countId = count ? `${id}-count` : undefined;
  const invalid = !!error && !quietError;
  return (
    <div className={invalid ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        {children({ id, 'aria-invalid': invalid ? true : undefined, 'aria-describedby': [errorId, countId, hintId].filter(Boolean).join(' ') || undefined })}
        {after}
      </div>
      {count && (
        <p id={countId} className={count.length > count.max ? 'field-count over' : 'field-count'}>
          {count.length} / {count.max} characters
        </p>
      )}
      {error && (
        <p id={errorId} className={quietError ? 'field-reason' : 'field-error'}>
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface FieldProps extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {}

export function Field({ label, hint, error, quietError, count, after, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} quietError={quietError} count={count} after={after}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}
