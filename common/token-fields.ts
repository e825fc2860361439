/**
 * The editable fields of a token (name, description, modules, logo): their schemas, with the
 * messages users see, and how an API field error maps to a form field. The IPC contract, the
 * API client, the wizard and the edit dialog all validate with these, so they never disagree.
 */
import { z } from 'zod';
import { moduleIdSchema } from './ids';
import { ICON_MAX_BYTES, ICON_MIME_TYPES, TOKEN_DESCRIPTION_MAX, TOKEN_NAME_MAX } from './limits';
import { plainText } from './plain-text';

export const TOKEN_FIELD_MESSAGES = {
  nameEmpty: 'Enter a name.',
  nameTooLong: `Name is at most ${TOKEN_NAME_MAX} characters.`,
  descriptionTooLong: `Description is at most ${TOKEN_DESCRIPTION_MAX} characters.`,
  modulesEmpty: 'Choose at least one module.',
  logoType: 'The logo must be a PNG, JPEG or WebP image.',
  logoSize: 'The logo must be 1 MB or smaller.',
} as const;

export const tokenNameSchema = plainText(z.string().trim().min(1, TOKEN_FIELD_MESSAGES.nameEmpty).max(TOKEN_NAME_MAX, TOKEN_FIELD_MESSAGES.nameTooLong));
export const tokenDescriptionSchema = plainText(z.string().trim().max(TOKEN_DESCRIPTION_MAX, TOKEN_FIELD_MESSAGES.descriptionTooLong), true);
export const tokenModuleIdsSchema = z.array(moduleIdSchema).min(1, TOKEN_FIELD_MESSAGES.modulesEmpty);

export const iconUploadSchema = z
  .object({
    fileName: plainText(z.string().min(1).max(255)),
    mimeType: z.enum(ICON_MIME_TYPES, { message: TOKEN_FIELD_MESSAGES.logoType }),
    /** Base64 so it survives both IPC and the browser host's JSON WebSocket. */
    dataBase64: z.string().max(Math.ceil((ICON_MAX_BYTES * 4) / 3) + 4, TOKEN_FIELD_MESSAGES.logoSize),
  })
  .strict();
export type IconUpload = z.infer<typeof iconUploadSchema>;

/** The fields a token form shows; an error for any other key is shown above the form. */
export const tokenFormFields = ['name', 'description', 'modules', 'icon'] as const;
export type TokenFormField = (typeof tokenFormFields)[number];
export type TokenFieldErrors = Partial<Record<TokenFormField, string>>;

/**
 * The form field an API (or zod) error key belongs to: the API may say `$.name`, `Name`,
 * `modules[0].id`, `moduleIds`, `logo`, `icon.dataBase64`…
 */
export function formFieldOf(key: string): TokenFormField | undefined {
  const path = key.trim().replace(/^\$\.?/, '');
  const head = (path.split(/[.[]/)[0] ?? path).trim().toLowerCase();
  if (head === 'name' || head === 'description' || head === 'icon') return head;
  if (head === 'modules' || head === 'moduleids' || head === 'module') return 'modules';
  if (head === 'logo') return 'icon';
  return undefined;
}

/** Field errors by form field (messages joined); keys no form field owns stay in `other`. */
export function splitFieldErrors(fields: Record<string, string[]> | undefined): { known: TokenFieldErrors; other: string[] } {
  const known: TokenFieldErrors = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fields ?? {})) {
    const field = formFieldOf(key);
    const text = messages.join(' ');
    if (field) known[field] = known[field] ? `${known[field]} ${text}` : text;
    else if (text) other.push(text);
  }
  return { known, other };
}

const formSchema = z.object({ name: tokenNameSchema, description: tokenDescriptionSchema, modules: tokenModuleIdsSchema });

/** A form's local errors, from the same schemas main validates with (first message per field). */
export function tokenFormErrors(draft: { name?: string; description?: string; moduleIds?: readonly string[] }, only?: readonly TokenFormField[]): TokenFieldErrors {
  const parsed = formSchema.safeParse({ name: draft.name ?? '', description: draft.description ?? '', modules: draft.moduleIds ?? [] });
  const out: TokenFieldErrors = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const field = formFieldOf(String(issue.path[0] ?? ''));
    if (field && !out[field] && (!only || only.includes(field))) out[field] = issue.message;
  }
  return out;
}
