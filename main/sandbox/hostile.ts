/**
 * A hostile or broken server, for the tests that prove the client survives one (the limits in
 * main/core/api/limits.ts). Applied to successful GETs only, after the request was processed:
 * - `huge-total`: a list claims `total: 9e15` at `limit: 1`;
 * - `endless-pages`: a list never states its total and every page comes back full (the server
 *   reads each page from the start of the list: server.ts);
 * - `huge-body`: the answer is an endless JSON body, streamed without a Content-Length;
 * - `slow-drip`: the answer starts, then one byte at a time.
 * The streams stop when the client goes away, and after a bounded time or size regardless.
 */
import type { ServerResponse } from 'node:http';
import type { SandboxResponse } from './http';

export type HostileMode = 'huge-total' | 'endless-pages' | 'huge-body' | 'slow-drip';

/** The most a hostile body sends, and how long a drip lasts, when the client never hangs up. */
const HUGE_BODY_MAX_BYTES = 256 * 1024 * 1024;
const DRIP_MAX_MS = 5 * 60_000;
const DRIP_EVERY_MS = 100;
const CHUNK = Buffer.alloc(64 * 1024, 0x20); // JSON whitespace: the body stays "valid so far"

interface ListBody {
  $meta?: { pagination?: { offset?: number; limit?: number; total?: number | null } };
  data?: unknown[];
}

function listBodyOf(response: SandboxResponse): ListBody | undefined {
  let body: unknown = response.json;
  if (body === undefined && response.jsonBytes) {
    try {
      body = JSON.parse(response.jsonBytes.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  const list = body as ListBody | undefined;
  return list && typeof list === 'object' && Array.isArray(list.data) && list.$meta?.pagination ? list : undefined;
}

/** A list answer rewritten for `huge-total` or `endless-pages`; anything else as it was. */
export function hostileListResponse(mode: HostileMode, response: SandboxResponse, askedOffset?: number): SandboxResponse {
  const list = listBodyOf(response);
  if (!list) return response;
  const pagination = list.$meta!.pagination!;
  const data = list.data!;
  if (mode === 'huge-total') {
    return { ...response, jsonBytes: undefined, json: { $meta: { pagination: { offset: pagination.offset ?? 0, limit: 1, total: 9e15 } }, data: data.slice(0, 1) } };
  }
  if (mode === 'endless-pages' && data.length > 0) {
    const limit = pagination.limit ?? data.length;
    const full = Array.from({ length: limit }, (_, i) => data[i % data.length]);
    return { ...response, jsonBytes: undefined, json: { $meta: { pagination: { offset: askedOffset ?? pagination.offset ?? 0, limit, total: null } }, data: full } };
  }
  return response;
}

/** Answers with an endless (`huge-body`) or dripping (`slow-drip`) body. */
export function sendHostileBody(mode: 'huge-body' | 'slow-drip', res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  res.write('{"$meta":{"pagination":{"offset":0,"limit":100,"total":1}},"data":[');
  let closed = false;
  res.on('close', () => (closed = true));
  if (mode === 'slow-drip') {
    const started = Date.now();
    const timer = setInterval(() => {
      if (closed || Date.now() - started > DRIP_MAX_MS) {
        clearInterval(timer);
        res.destroy();
        return;
      }
      res.write(' ');
    }, DRIP_EVERY_MS);
    return;
  }
  let sent = 0;
  const pump = () => {
    while (!closed && sent < HUGE_BODY_MAX_BYTES) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end(']}');
  };
  pump();
}
