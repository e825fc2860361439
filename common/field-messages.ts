/**
 * How a validator's finding becomes a sentence a person reads. zod's own texts ("Too big:
 * expected string to have <=200 characters") describe the schema, not the field: every parse
 * whose failure can reach the user (the bridge's input check, the API client's inputs) goes
 * through `fieldIssueMessage`, so a field says "Description is at most 1000 characters." in
 * the voice of the forms. A schema's own message (common/token-fields.ts, plain-text.ts…) is
 * written for people already and wins over this map.
 */
import type { z } from 'zod';
import { DeskError } from './errors';

/** The user's words for the keys that inputs carry; the last named key of a path decides. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  description: 'Description',
  moduleIds: 'Modules',
  modules: 'Modules',
  icon: 'Logo',
  logo: 'Logo',
  baseUrl: 'Environment',
  token: 'API token',
  text: 'Search text',
  shortcut: 'Shortcut',
  from: 'From date',
  to: 'To date',
  actor: 'Actor',
  account: 'Account',
  revision: 'Revision',
  ids: 'Selection',
  id: 'Id',
};

export function fieldLabelOf(path: readonly PropertyKey[] | undefined): string {
  const keys = (path ?? []).filter((k): k is string => typeof k === 'string');
  for (let i = keys.length - 1; i >= 0; i--) {
    const label = FIELD_LABELS[keys[i]!];
    if (label) return label;
  }
  return 'This value';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Issue = z.core.$ZodRawIssue;

/** A sentence for one issue, by its kind; never the input (it may be a secret). */
export function fieldIssueMessage(issue: Issue): string {
  const label = fieldLabelOf(issue.path);
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${label} is at most ${plural(max, 'character', 'characters')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}: choose at most ${max}.`;
      return `${label} is at most ${max}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `${label} is required.` : `${label} is at least ${plural(min, 'character', 'characters')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}: choose at least ${min}.`;
      return `${label} is at least ${min}.`;
    }
    case 'invalid_type':
      return issue.input === undefined ? `${label} is required.` : `${label} is not valid.`;
    case 'unrecognized_keys':
      return issue.path?.length ? `${label} has a field Token Desk does not know.` : 'This request has a field Token Desk does not know.';
    default:
      return `${label} is not valid.`;
  }
}

/** The parse option that words every issue a schema left without a message of its own. */
export const fieldIssues = { error: fieldIssueMessage } as const;

/** A failed parse as a `validation` DeskError: messages by field key, the first one as the message. */
export function validationErrorOf(error: z.ZodError): DeskError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    const list = (fields[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return new DeskError({ code: 'validation', message: error.issues[0]?.message ?? 'Some values are not valid.', fields });
}
