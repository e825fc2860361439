/**
 * The Add API token wizard's rules, free of React so they are easy to test and reuse: which
 * fields each step holds and its errors (from the shared token field schemas, so the wizard,
 * the edit dialog and main say the same), and the logo checks.
 */
import type { IconUpload } from '../../../../common/contract';
import { ICON_MAX_BYTES, ICON_MIME_TYPES } from '../../../../common/limits';
import { tokenFormErrors } from '../../../../common/token-fields';
import type { TokenFieldErrors, TokenFormField } from '../../../../common/token-fields';

export type StepId = 'general' | 'modules' | 'overview' | 'summary';
export const STEPS: { id: StepId; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'modules', label: 'Modules' },
  { id: 'overview', label: 'Overview' },
  { id: 'summary', label: 'Summary' },
];

export type WizardField = TokenFormField;
export type WizardErrors = TokenFieldErrors;

/** The fields each step holds, in the order their errors are reported. */
const STEP_FIELDS: Record<StepId, readonly WizardField[]> = {
  general: ['name', 'description', 'icon'],
  modules: ['modules'],
  overview: [],
  summary: [],
};

export interface LogoState {
  fileName: string;
  mimeType: IconUpload['mimeType'];
  dataBase64: string;
  size: number;
  /** A data: URL for the preview (data: is allowed by the renderer's CSP img-src). */
  previewUrl?: string;
}

export interface Draft {
  name: string;
  description: string;
  moduleIds: string[];
  logo: LogoState | null;
}

/** Field errors of a step: the shared rules first, then what the API said (until the field is edited). */
export function stepErrors(step: StepId, draft: Draft, server: WizardErrors): WizardErrors {
  const fields = STEP_FIELDS[step];
  const local = fields.length > 0 ? tokenFormErrors(draft, fields) : {};
  const out: WizardErrors = {};
  for (const field of fields) {
    const message = local[field] ?? server[field];
    if (message) out[field] = message;
  }
  return out;
}

/** Which step holds a field. */
export function stepOfField(field: WizardField): StepId {
  return STEP_FIELDS.modules.includes(field) ? 'modules' : 'general';
}

// ---- logo --------------------------------------------------------------------------------

export const LOGO_TYPES_TEXT = 'PNG, JPEG or WebP';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KB`;
  return `${Math.round(n / (1024 * 104.8576)) / 10} MB`;
}

/** Why a file cannot be the logo (by its declared type and size), or undefined. */
export function logoFileProblem(file: { name: string; type: string; size: number }): string | undefined {
  if (!(ICON_MIME_TYPES as readonly string[]).includes(file.type)) {
    // "an image/gif file", "a text/plain file"
    const what = file.type ? `${/^[aeiou]/i.test(file.type) ? 'an' : 'a'} ${file.type} file` : 'not an image Token Desk can use';
    return `“${file.name}” is ${what}. The logo must be a ${LOGO_TYPES_TEXT} image.`;
  }
  if (file.size > ICON_MAX_BYTES) return `“${file.name}” is ${formatBytes(file.size)}. The logo must be 1 MB or smaller.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  return undefined;
}

/** The image type by the file's first bytes (its signature). */
export function sniffImage(bytes: Uint8Array): IconUpload['mimeType'] | undefined {
  const at = (i: number, sig: number[]) => sig.every((b, k) => bytes[i + k] === b);
  if (bytes.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return undefined;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

/** Read a picked or dropped file as the logo; `{ error }` says why it was refused. */
export async function readLogo(file: File): Promise<{ logo: LogoState } | { error: string }> {
  const problem = logoFileProblem(file);
  if (problem) return { error: problem };
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch {
    return { error: `“${file.name}” could not be read. Try another file.` };
  }
  const actual = sniffImage(bytes);
  if (!actual) return { error: `“${file.name}” is not a valid ${LOGO_TYPES_TEXT} image (its content does not match its type).` };
  if (actual !== file.type) return { error: `“${file.name}” says it is ${file.type} but its content is ${actual}. Save it in the right format.` };
  const dataBase64 = toBase64(bytes);
  return { logo: { fileName: file.name, mimeType: actual, dataBase64, size: bytes.length, previewUrl: `data:${actual};base64,${dataBase64}` } };
}

export function timeOf(iso: string | null | undefined): string {
  if (!iso) return 'an unknown time';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
