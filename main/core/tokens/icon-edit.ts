/**
 * Edit WITH a logo change (remove or replace). The API client's `tokens.update` deliberately
 * leaves `icon` out of the PUT (keep the logo), and its owner has not added uploads yet, so
 * this module sends that one PUT itself through an HttpClient for the same connection (same URL
 * policy, retries and error mapping). Move it into main/core/api/tokens.ts when that file supports it.
 *
 * - remove: JSON body with `icon: ""` (what clients send for "no logo", marketplace-api.md §2).
 * - replace: multipart/form-data, the JSON document in a part named `token` and the image in a
 *   part named `icon` — the same INFERRED layout as the create call (createTokenRequestBody).
 */
import type { IconUpload } from '../../../common/contract';
import { apiTokenSchema, type ApiToken, type UpdateTokenInput } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { ICON_MAX_BYTES } from '../../../common/limits';
import type { HttpClient } from '../api/http';
import { idSegment, parseBody } from '../api/parse';
import { TOKENS_PATH, updateTokenBody } from '../api/tokens';

export function decodeIcon(icon: IconUpload): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(icon.dataBase64, 'base64');
  if (bytes.length === 0) throw iconError('The logo file is empty.');
  if (bytes.length > ICON_MAX_BYTES) throw iconError('The logo must be 1 MB or smaller.');
  // A fresh ArrayBuffer-backed copy (a Buffer may be a slice of a shared pool).
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

function iconError(message: string): DeskError {
  return new DeskError({ code: 'validation', message, fields: { icon: [message] } });
}

export function iconUpdateBody(input: UpdateTokenInput, icon: IconUpload | null): Record<string, unknown> | FormData {
  const json = updateTokenBody(input);
  if (icon === null) return { ...json, icon: '' };
  const form = new FormData();
  form.append('token', new Blob([JSON.stringify(json)], { type: 'application/json' }));
  form.append('icon', new Blob([decodeIcon(icon)], { type: icon.mimeType }), icon.fileName);
  return form;
}

export async function updateWithIcon(http: HttpClient, id: string, input: UpdateTokenInput, icon: IconUpload | null): Promise<ApiToken> {
  const body = iconUpdateBody(input, icon); // decode first: a bad file never reaches the network
  const path = `${TOKENS_PATH}/${idSegment(id, 'token')}`;
  let lost = false;
  try {
    const res = await http.request({ method: 'PUT', path, body, onRetry: (e) => (lost ||= e.code === 'offline' || e.code === 'timeout') });
    return parseBody(apiTokenSchema, res.body, 'the updated token');
  } catch (error) {
    // As in tokens.update: a retried PUT whose first attempt went through meets its own new
    // revision (409). If the token is now at revision+1 with our name, the edit is done.
    if (lost && input.revision !== undefined && DeskError.is(error) && error.code === 'conflict') {
      const res = await http.request({ method: 'GET', path }).catch(() => undefined);
      const current = res ? apiTokenSchema.safeParse(res.body) : undefined;
      if (current?.success && current.data.revision === input.revision + 1 && current.data.name === input.name.trim()) return current.data;
    }
    throw error;
  }
}
