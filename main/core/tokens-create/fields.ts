/**
 * API field errors as the wizard uses them: one key per wizard field. The API (or the
 * sandbox) may say `modules[0].id`, `Modules`, `$.name`…; the wizard knows `name`,
 * `description`, `modules` and `icon`. Messages pass through unchanged.
 */
import { DeskError } from '../../../common/errors';
import { normaliseFieldKey } from '../api/errors';

export function wizardFieldKey(key: string): string {
  const k = normaliseFieldKey(key);
  const head = (k.split(/[.[]/)[0] ?? k).trim();
  const lower = head.toLowerCase();
  if (lower === 'modules' || lower === 'moduleids' || lower === 'module') return 'modules';
  if (lower === 'name' || lower === 'description' || lower === 'icon') return lower;
  if (lower === 'logo') return 'icon';
  return k;
}

export function normaliseFieldErrors(fields: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fields) return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const k = wizardFieldKey(key);
    for (const m of messages) if (!(out[k] ??= []).includes(m)) out[k].push(m);
  }
  return out;
}

/** Same error with the field keys normalised (other errors unchanged). */
export function withWizardFields(error: DeskError): DeskError {
  if (!error.fields) return error;
  return new DeskError({ ...error.toData(), fields: normaliseFieldErrors(error.fields) ?? {} });
}
