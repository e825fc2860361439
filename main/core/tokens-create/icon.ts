/**
 * The logo of a new token: the renderer sends it as base64 (it must survive IPC and the
 * browser host's JSON WebSocket); main checks it is really the image type it claims to be,
 * by its magic bytes, and not larger than ICON_MAX_BYTES, before it reaches the API.
 */
import type { IconUpload } from '../../../common/contract';
import type { TokenIconInput } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { ICON_MAX_BYTES } from '../../../common/limits';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image type the bytes really are (by their signature), or undefined. */
export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function refuse(message: string): DeskError {
  return new DeskError({ code: 'validation', message, fields: { icon: [message] } });
}

/** Decode and check an uploaded logo; DeskError validation with `fields.icon` when it is not acceptable. */
export function decodeIcon(upload: IconUpload): TokenIconInput {
  const text = upload.dataBase64.replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) throw refuse('The logo file could not be read. Choose the image again.');
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  if (bytes.length === 0) throw refuse('The logo file is empty.');
  if (bytes.length > ICON_MAX_BYTES) throw refuse('The logo must be 1 MB or smaller.');
  const actual = sniffImageType(bytes);
  if (!actual) throw refuse('The logo must be a PNG, JPEG or WebP image; this file is not one of them.');
  if (actual !== upload.mimeType) {
    throw refuse(`The logo file says it is ${upload.mimeType} but its content is ${actual}. Save it in the right format and try again.`);
  }
  return { fileName: upload.fileName, mimeType: actual, bytes };
}
