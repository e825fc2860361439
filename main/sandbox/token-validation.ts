/**
 * Validation of create/update bodies (marketplace-api.md §2, §11). Errors use the ASP.NET map
 * form `{field: [messages]}` (§8 form a). Limits on name/description length are INFERRED
 * (none is documented); 255 and 2000 mirror common platform limits (Account.description is 2000).
 */
import type { AccountRecord } from './model';
import { MODULE_BY_ID } from './modules-catalogue';
import { validationProblem, type FieldErrors } from './problem';
import { isOps, type Caller, type NewToken, type SandboxStore, type TokenChanges } from './store';

export const MAX_NAME_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 2000;
const ACCOUNT_ID = /^ACC-\d{4}-\d{4}$/;
const MODULE_ID = /^MOD-\d{4}$/;

export function validateCreate(body: Record<string, unknown>, caller: Caller, store: SandboxStore): NewToken {
  const errors: FieldErrors = {};
  const name = checkName(body.name, errors);
  const description = checkDescription(body.description, errors);
  const icon = checkIcon(body.icon, errors);
  const account = resolveAccount(body.account, caller, store, errors);
  const moduleIds = checkModules(body.modules, account, errors);
  const extensionIds = checkExtensions(body.extensions, errors);
  if (Object.keys(errors).length > 0) throw validationProblem(errors);
  return { accountId: (account as AccountRecord).id, name: name as string, description, icon: icon ?? '', moduleIds: moduleIds as string[], extensionIds };
}

/** Delta update (v5): only the fields present change; `account`, `status` etc. are ignored (§1). */
export function validateUpdate(body: Record<string, unknown>, account: AccountRecord): TokenChanges {
  const errors: FieldErrors = {};
  const changes: TokenChanges = {};
  if ('name' in body) changes.name = checkName(body.name, errors) as string;
  if ('description' in body) changes.description = checkDescription(body.description, errors);
  if ('icon' in body) changes.icon = checkIcon(body.icon, errors) ?? null;
  if ('modules' in body && body.modules !== null) changes.moduleIds = checkModules(body.modules, account, errors) as string[];
  if (Object.keys(errors).length > 0) throw validationProblem(errors);
  return changes;
}

function checkName(value: unknown, errors: FieldErrors): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.name = ['The name is required.'];
    return undefined;
  }
  if (value.length > MAX_NAME_LENGTH) {
    errors.name = [`The name must be at most ${MAX_NAME_LENGTH} characters.`];
    return undefined;
  }
  return value.trim();
}

function checkDescription(value: unknown, errors: FieldErrors): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.description = ['The description must be a string.'];
    return null;
  }
  if (value.length > MAX_DESCRIPTION_LENGTH) errors.description = [`The description must be at most ${MAX_DESCRIPTION_LENGTH} characters.`];
  return value;
}

function checkIcon(value: unknown, errors: FieldErrors): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string') return value;
  errors.icon = ['The icon must be a string (a relative path) or null.'];
  return undefined;
}

function resolveAccount(value: unknown, caller: Caller, store: SandboxStore, errors: FieldErrors): AccountRecord | undefined {
  if (value === undefined || value === null) return caller.account;
  const id = typeof value === 'object' ? (value as Record<string, unknown>).id : undefined;
  if (id === undefined) return caller.account;
  if (typeof id !== 'string' || !ACCOUNT_ID.test(id)) {
    errors['account.id'] = ['The account id must match ^ACC-\\d{4}-\\d{4}$.'];
    return undefined;
  }
  if (!isOps(caller)) {
    // §11: non-ops callers may not create tokens for another account (rejecting, not ignoring).
    if (id !== caller.account.id) errors['account.id'] = ['API tokens can only be created for your own account.'];
    return caller.account;
  }
  const account = store.accounts.get(id);
  if (!account) errors['account.id'] = [`Account ${id} not found.`];
  return account;
}

function checkModules(value: unknown, account: AccountRecord | undefined, errors: FieldErrors): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    errors.modules = ['At least one module is required.'];
    return undefined;
  }
  const messages: string[] = [];
  const ids: string[] = [];
  value.forEach((item, i) => {
    const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
    if (typeof id !== 'string' || !MODULE_ID.test(id)) {
      messages.push(`modules[${i}].id must match ^MOD-\\d{4}$.`);
      return;
    }
    const module = MODULE_BY_ID.get(id);
    if (!module) messages.push(`Module ${id} does not exist.`);
    else if (account && !module.accountTypes.includes(account.type)) messages.push(`Module ${id} is not available for ${account.type} accounts.`);
    else if (!ids.includes(id)) ids.push(id);
  });
  if (messages.length > 0) {
    errors.modules = messages;
    return undefined;
  }
  return ids;
}

function checkExtensions(value: unknown, errors: FieldErrors): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((e) => e === null || typeof e !== 'object' || typeof (e as Record<string, unknown>).id !== 'string')) {
    errors.extensions = ['Extensions must be a list of {id}.'];
    return null;
  }
  return value.map((e) => (e as { id: string }).id);
}
