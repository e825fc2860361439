/**
 * Bounds on everything the Marketplace (or whatever answers at a connection's address) sends.
 * A list sync runs at every start, so a hostile or broken server that claims `total: 9e15` with
 * `limit: 1`, serves full pages for ever, streams an endless body or drips one byte at a time
 * could otherwise freeze or exhaust the app each time it opens. Each violation ends the call
 * with one clear error; the caller then writes nothing, so the cache keeps what it had.
 *
 * The bounds sit far above what a real account reaches (the app is built and measured for
 * lists of 100,000 tokens): they separate "large" from "impossible".
 */
import { DeskError } from '../../../common/errors';

export interface NetworkLimits {
  /** Bytes of one response body, read as a stream and cut off there. */
  maxBodyBytes: number;
  /** Items in one list (tokens, audit records). */
  maxListItems: number;
  /** Pages in one list read. */
  maxListPages: number;
  /** One whole list read, every page and retry included. */
  listDeadlineMs: number;
}

export const NETWORK_LIMITS: NetworkLimits = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxListItems: 1_000_000,
  maxListPages: 20_000,
  listDeadlineMs: 10 * 60_000,
};

const NOTHING_CHANGED = 'Token Desk kept what it had saved; nothing was changed.';

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Math.round(bytes / (1024 * 1024))} MB`);

export function bodyTooLargeError(maxBytes: number, status?: number): DeskError {
  return new DeskError({
    code: 'server',
    ...(status ? { status } : {}),
    message: `The Marketplace sent an answer larger than ${mb(maxBytes)}, more than Token Desk reads. ${NOTHING_CHANGED} If this keeps happening, check the connection's address.`,
  });
}

export function listTooLongError(what: string, limit: number): DeskError {
  return new DeskError({
    code: 'server',
    message: `The Marketplace's list does not add up: ${what}, more than Token Desk reads (${limit.toLocaleString('en-US')}). ${NOTHING_CHANGED} If this keeps happening, check the connection's address.`,
  });
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const duration = (ms: number) => (ms < 120_000 ? plural(Math.max(1, Math.round(ms / 1000)), 'second') : plural(Math.round(ms / 60_000), 'minute'));

/** A `timeout`: like an unanswered request, the read falls back to what is saved (tokens/offline.ts). */
export function listDeadlineError(ms: number): DeskError {
  return new DeskError({
    code: 'timeout',
    message: `The Marketplace did not send the whole list within ${duration(ms)}. ${NOTHING_CHANGED} Try again later.`,
  });
}

/**
 * The response body as text, read chunk by chunk and abandoned (the stream cancelled) as soon
 * as it passes `maxBytes`; a Content-Length over the limit is refused before reading at all.
 */
export async function readBodyWithin(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw bodyTooLargeError(maxBytes, res.status);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLargeError(maxBytes, res.status);
    }
    chunks.push(value);
  }
  // Decoded once, as the body's own text() would: decoding chunk by chunk into a growing
  // string costs a full page's worth of copies on every large list page.
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}
