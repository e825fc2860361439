/**
 * Request body decoding: JSON (application/json, text/json, application/*+json, §0) and
 * multipart/form-data with a JSON part plus an optional `icon` file part. Multipart is parsed
 * with the platform's own `Request.formData()` (undici), so no dependency is needed.
 */
import { ApiProblem, validationProblem } from './problem';
import type { SandboxRequest } from './http';

export interface IconUpload {
  contentType: string;
  data: Buffer;
}

export interface DecodedBody {
  json: Record<string, unknown>;
  icon?: IconUpload;
}

export const MAX_ICON_BYTES = 1024 * 1024;
const JSON_PART_NAMES = new Set(['token', 'body', 'apiToken', 'json', 'data', 'payload']);

export async function decodeBody(req: SandboxRequest): Promise<DecodedBody> {
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('multipart/form-data')) return decodeMultipart(req, contentType);
  if (contentType === '' || isJsonType(contentType)) return { json: parseJsonObject(req.body.toString('utf8')) };
  throw new ApiProblem(415, `Content-Type ${contentType} is not supported; send application/json or multipart/form-data.`);
}

function isJsonType(ct: string): boolean {
  const base = ct.split(';')[0]?.trim() ?? '';
  return base === 'application/json' || base === 'text/json' || /^application\/[\w.-]+\+json$/.test(base);
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') throw validationProblem({ body: ['A request body is required.'] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw validationProblem({ body: ['The request body is not valid JSON.'] });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw validationProblem({ body: ['The request body must be a JSON object.'] });
  return parsed as Record<string, unknown>;
}

async function decodeMultipart(req: SandboxRequest, contentType: string): Promise<DecodedBody> {
  let form: FormData;
  try {
    form = await new Request('http://sandbox.local/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(req.body) }).formData();
  } catch {
    throw validationProblem({ body: ['The multipart body could not be parsed.'] });
  }
  let json: Record<string, unknown> | undefined;
  let icon: IconUpload | undefined;
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      // A part without a filename arrives as a string; its content-type is lost, so accept
      // the usual names, or any part that parses as a JSON object.
      if (json === undefined && (JSON_PART_NAMES.has(name) || value.trim().startsWith('{'))) json = parseJsonObject(value);
    } else if (name === 'icon') {
      icon = await readIcon(value);
    } else if (json === undefined && value.type.includes('json')) {
      json = parseJsonObject(await value.text());
    }
  }
  if (json === undefined) throw validationProblem({ body: ['The multipart body has no JSON part.'] });
  return icon ? { json, icon } : { json };
}

async function readIcon(file: Blob): Promise<IconUpload> {
  const data = Buffer.from(await file.arrayBuffer());
  if (data.length > MAX_ICON_BYTES) throw validationProblem({ icon: [`The icon must be at most ${MAX_ICON_BYTES} bytes.`] });
  const contentType = sniffImage(data);
  if (!contentType) throw validationProblem({ icon: ['The icon must be a PNG, JPEG or WebP image.'] });
  return { contentType, data };
}

/** Trust the bytes, not the declared type. */
export function sniffImage(data: Buffer): string | undefined {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
