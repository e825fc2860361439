/**
 * API field errors as the token forms use them: one key per form field (common/token-fields.ts
 * decides which API key belongs to which field). The API (or the sandbox) may say
 * `modules[0].id`, `Modules`, `$.name`…; keys no form field owns are kept, normalised.
 * Messages pass through unchanged.
 */
import { DeskError } from '../../../common/errors';
import { formFieldOf } from '../../../common/token-fields';
import { normaliseFieldKey } from '../api/errors';

export function normaliseFieldErrors(fields: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fields) return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const k = formFieldOf(key) ?? normaliseFieldKey(key);
    for (const m of messages) if (!(out[k] ??= []).includes(m)) out[k].push(m);
  }
  return out;
}

/** Same error with the field keys normalised (other errors unchanged). */
export function withFormFields(error: DeskError): DeskError {
  if (!error.fields) return error;
  return new DeskError({ ...error.toData(), fields: normaliseFieldErrors(error.fields) ?? {} });
}
