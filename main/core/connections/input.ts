/**
 * The connection form's checks, as `{ value } | { error }` per field so `add` can report every
 * bad field at once. The rules themselves are the shared ones: the base-URL policy
 * (common/base-url.ts) and the token value (common/token-value.ts, which drops a pasted
 * `Bearer `); only the connection name is checked here.
 */
import { checkBaseUrl as checkBaseUrlRule } from '../../../common/base-url';
import { CONNECTION_NAME_MAX } from '../../../common/limits';
import { DeskError } from '../../../common/errors';
import { checkTokenValue } from '../../../common/token-value';

export interface FieldCheck {
  value?: string;
  error?: string;
}

export type FieldErrors = Record<string, string[]>;

export const NAME_EMPTY_MESSAGE = 'Enter a name for this connection.';

export function validationError(fields: FieldErrors): DeskError {
  const messages = Object.values(fields).flat();
  return new DeskError({ code: 'validation', message: messages.join(' '), fields });
}

export function checkName(raw: unknown): FieldCheck {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!value) return { error: NAME_EMPTY_MESSAGE };
  if (value.length > CONNECTION_NAME_MAX) return { error: `Name is at most ${CONNECTION_NAME_MAX} characters.` };
  return { value };
}

/** https anywhere; plain http only to this machine. Normalised without a trailing slash. */
export function checkBaseUrl(raw: unknown): FieldCheck {
  const check = checkBaseUrlRule(raw);
  return check.ok ? { value: check.value } : { error: check.problem };
}

/** The value as it is stored and sent: trimmed, without a pasted `Bearer ` prefix. */
export function checkToken(raw: unknown): FieldCheck {
  const check = checkTokenValue(raw);
  return check.ok ? { value: check.value } : { error: check.problem };
}
