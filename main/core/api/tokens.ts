/**
 * API tokens: /public/v1/accounts/api-tokens (marketplace-api.md §1–§3).
 */
import { z } from 'zod';
import {
  apiTokenSchema,
  createTokenInputSchema,
  updateTokenInputSchema,
  type ApiToken,
  type CreateTokenInput,
  type ListPage,
  type UpdateTokenInput,
} from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { fieldIssues, validationErrorOf } from '../../../common/field-messages';
import { isLostAnswer } from '../../../common/lost-answer';
import { tokenIdSchema } from '../../../common/ids';
import type { CallOptions, HttpClient } from './http';
import { fetchAll, fetchPageOnce, listFetcher, type FetchAllOptions } from './pagination';
import { idSegment, parseBody } from './parse';
import { tokenListItem } from './token-check';
import { buildQuery, ge, or, type QueryParts } from './rql';

export const TOKENS_PATH = '/public/v1/accounts/api-tokens';

/** What a list call may ask for; `select=audit` is always added (the list columns need it). */
export type TokenListQuery = Omit<QueryParts, 'extra'>;

export interface TokensApi {
  list(query?: TokenListQuery, opts?: CallOptions): Promise<ListPage<ApiToken>>;
  /** Every token; with `opts.into`, handed on page by page in order (and resolves to []). */
  listAll(query?: Omit<TokenListQuery, 'limit' | 'offset'>, opts?: FetchAllOptions<ApiToken>): Promise<ApiToken[]>;
  /**
   * Every token created, updated or used at or after `since` (server time, ISO with ms): the
   * delta of a refresh (marketplace-api.md §5.1, §6: filtering on `audit.*` needs `select=audit`).
   */
  listChangedSince(since: string, opts?: FetchAllOptions): Promise<ApiToken[]>;
  /** How many tokens the list has (`limit=0`, §7): one request, no items. */
  count(opts?: CallOptions): Promise<number>;
  /** Only the ids of every token (`select=-*,+id`): finds what was deleted, at a fraction of the bytes. */
  listIds(opts?: FetchAllOptions): Promise<string[]>;
  get(id: string, opts?: CallOptions): Promise<ApiToken>;
  /** The result carries `token` (the secret value): the only time the API returns it. */
  create(input: CreateTokenInput, opts?: CallOptions): Promise<ApiToken>;
  update(id: string, input: UpdateTokenInput, opts?: CallOptions): Promise<ApiToken>;
  delete(id: string, opts?: CallOptions): Promise<void>;
  enable(id: string, opts?: CallOptions): Promise<ApiToken>;
  disable(id: string, opts?: CallOptions): Promise<ApiToken>;
}

/** `select=audit` is needed for the Created by / Date created columns (marketplace-api.md §5.1). */
function withAudit(select: readonly string[] | undefined): string[] {
  const s = [...(select ?? [])];
  if (!s.some((k) => k === 'audit' || k === '+audit' || k === '-audit')) s.push('audit');
  return s;
}

function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, fieldIssues);
  if (parsed.success) return parsed.data as z.output<S>;
  throw validationErrorOf(parsed.error);
}

/** JSON body of the create call (CONFIRMED shape: S1 CreateApiTokenDto, S6 e2e factory). */
export function createTokenBody(input: CreateTokenInput): Record<string, unknown> {
  return {
    ...(input.accountId ? { account: { id: input.accountId } } : {}),
    name: input.name.trim(),
    description: input.description ?? null,
    icon: '',
    modules: input.moduleIds.map((id) => ({ id })),
  };
}

/**
 * Request body of the create call.
 * - No logo: JSON (CONFIRMED).
 * - With a logo: multipart/form-data with the JSON document in a part named `token`
 *   (application/json) and the image in a part named `icon`. INFERRED from how the platform
 *   uploads icons and attachments elsewhere (a JSON part next to the file part, as the
 *   official Python client does for accounts and attachments); the exact part names for API
 *   tokens are not documented. Kept here, in ONE place, so it is easy to correct.
 */
export function createTokenRequestBody(input: CreateTokenInput): Record<string, unknown> | FormData {
  const json = createTokenBody(input);
  if (!input.icon) return json;
  const form = new FormData();
  form.append('token', new Blob([JSON.stringify(json)], { type: 'application/json' }));
  // Copy into a fresh ArrayBuffer-backed view: a Uint8Array over a SharedArrayBuffer or a
  // Buffer pool slice would not be a valid BlobPart on its own.
  form.append('icon', new Blob([new Uint8Array(input.icon.bytes)], { type: input.icon.mimeType }), input.icon.fileName);
  return form;
}

/**
 * Update JSON. `icon` is left out unless the caller changes the logo: v4 treats the body as the
 * whole object and an `icon: ""` could clear a logo the app never showed (INFERRED). `revision` is sent when the
 * caller knows it, so a v5 server can refuse a stale edit with 409 (INFERRED).
 */
export function updateTokenBody(input: UpdateTokenInput): Record<string, unknown> {
  return {
    name: input.name.trim(),
    description: input.description,
    modules: input.moduleIds.map((id) => ({ id })),
    ...(input.revision !== undefined ? { revision: input.revision } : {}),
  };
}

function holdsEdit(token: ApiToken, edit: UpdateTokenInput): boolean {
  const ids = (token.modules ?? []).map((m) => m.id).sort();
  const want = [...edit.moduleIds].sort();
  return (
    token.name === edit.name.trim() &&
    (token.description ?? null) === (edit.description ?? null) &&
    ids.length === want.length &&
    ids.every((m, i) => m === want[i])
  );
}

/**
 * Request body of the update call. No logo change: JSON without `icon` (keeps the logo).
 * Remove: JSON with `icon: ""` (what clients send for "no logo"). Replace: multipart, the same
 * INFERRED layout as createTokenRequestBody (JSON part `token` + file part `icon`).
 */
export function updateTokenRequestBody(input: UpdateTokenInput): Record<string, unknown> | FormData {
  const json = updateTokenBody(input);
  if (input.icon === undefined) return json;
  if (input.icon === null) return { ...json, icon: '' };
  const form = new FormData();
  form.append('token', new Blob([JSON.stringify(json)], { type: 'application/json' }));
  form.append('icon', new Blob([new Uint8Array(input.icon.bytes)], { type: input.icon.mimeType }), input.icon.fileName);
  return form;
}

const sig = (opts?: CallOptions) => (opts?.signal ? { signal: opts.signal } : {});

export function createTokensApi(http: HttpClient): TokensApi {
  const fetcher = (query: Omit<TokenListQuery, 'limit' | 'offset'>) =>
    listFetcher(http, TOKENS_PATH, { ...query, select: withAudit(query.select) }, tokenListItem);

  const get = async (id: string, opts?: CallOptions) => {
    const res = await http.request({ method: 'GET', path: `${TOKENS_PATH}/${idSegment(id, 'token')}`, ...sig(opts) });
    return parseBody(apiTokenSchema, res.body, 'a token');
  };

  /**
   * Enable/disable with "desired state" semantics. The call is retried like a PUT (no body on
   * the wire, like the official client's json=None). If the API refuses because the token is
   * already in the target state (400 — e.g. our first attempt went through but its answer was
   * lost, or someone else acted first), we read the token and, if it IS in the target state,
   * return it: the user's intent is fulfilled. Any other refusal is reported as is.
   */
  const action = async (id: string, verb: 'enable' | 'disable', opts?: CallOptions) => {
    const target = verb === 'enable' ? 'Active' : 'Disabled';
    try {
      const res = await http.request({ method: 'POST', path: `${TOKENS_PATH}/${idSegment(id, 'token')}/${verb}`, idempotent: true, ...sig(opts) });
      return parseBody(apiTokenSchema, res.body, 'a token');
    } catch (err) {
      if (DeskError.is(err) && (err.code === 'validation' || err.code === 'conflict')) {
        const current = await get(id, opts).catch(() => undefined);
        if (current?.status === target) return current;
      }
      throw err;
    }
  };

  return {
    async list(query = {}, opts) {
      const { limit = 100, offset = 0, ...rest } = query;
      return fetchPageOnce(fetcher(rest), offset, limit, opts?.signal);
    },
    listAll(query = {}, opts = {}) {
      return fetchAll(fetcher(query), { limits: http.limits, ...opts });
    },
    listChangedSince(since, opts = {}) {
      // A token's `audit.updated` is absent until its first change, so creations are asked for too;
      // `lastAccessAt` keeps the Last access column true without a full sync.
      const filter = or(ge('audit.updated.at', since), ge('audit.created.at', since), ge('lastAccessAt', since));
      return fetchAll(fetcher({ filter }), { limits: http.limits, ...opts });
    },
    async count(opts) {
      const res = await http.request({ method: 'GET', path: TOKENS_PATH, query: buildQuery({ limit: 0, offset: 0 }), ...sig(opts) });
      const total = (res.body as { $meta?: { pagination?: { total?: unknown } } } | undefined)?.$meta?.pagination?.total;
      if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
        throw new DeskError({ code: 'server', message: 'The Marketplace did not say how many tokens there are.' });
      }
      return total;
    },
    async listIds(opts = {}) {
      const rows = await fetchAll(listFetcher(http, TOKENS_PATH, { select: ['-*', '+id'] }, z.object({ id: tokenIdSchema })), { limits: http.limits, ...opts });
      return rows.map((r) => r.id);
    },
    get,
    async create(input, opts) {
      const valid = validate(createTokenInputSchema, input);
      try {
        // Never retried (idempotent: false): a lost 201 must not turn into two tokens.
        const res = await http.request({ method: 'POST', path: TOKENS_PATH, body: createTokenRequestBody(valid), idempotent: false, ...sig(opts) });
        return parseBody(apiTokenSchema, res.body, 'the new token');
      } catch (err) {
        if (DeskError.is(err) && isLostAnswer(err)) {
          throw new DeskError({
            ...err.toData(),
            message: `${err.message} The token may or may not have been created: refresh the list before trying again.`,
          });
        }
        throw err;
      }
    },
    async update(id, input, opts) {
      const valid = validate(updateTokenInputSchema, input);
      const body = updateTokenRequestBody(valid);
      let lost = false;
      try {
        const res = await http.request({ method: 'PUT', path: `${TOKENS_PATH}/${idSegment(id, 'token')}`, body, onRetry: (e) => (lost ||= isLostAnswer(e)), ...sig(opts) });
        return parseBody(apiTokenSchema, res.body, 'the updated token');
      } catch (err) {
        // A retried PUT whose first attempt went through meets its own new revision (409).
        // If the token now holds exactly our edit at revision+1, the edit is done.
        if (lost && valid.revision !== undefined && DeskError.is(err) && err.code === 'conflict') {
          const current = await get(id, opts).catch(() => undefined);
          if (current && current.revision === valid.revision + 1 && holdsEdit(current, valid)) return current;
        }
        throw err;
      }
    },
    async delete(id, opts) {
      // 204 with no body. If an earlier attempt's answer was lost, a 404 (or "already
      // deleted") on the retry means that attempt did the work: the token is gone as asked.
      let lost = false;
      try {
        await http.request({ method: 'DELETE', path: `${TOKENS_PATH}/${idSegment(id, 'token')}`, onRetry: (e) => (lost ||= isLostAnswer(e)), ...sig(opts) });
      } catch (err) {
        if (lost && DeskError.is(err) && (err.code === 'not_found' || err.code === 'validation')) return;
        throw err;
      }
    },
    enable: (id, opts) => action(id, 'enable', opts),
    disable: (id, opts) => action(id, 'disable', opts),
  };
}
