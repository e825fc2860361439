/**
 * "Who am I" for an API token. There is no /me endpoint (marketplace-api.md §9): the token id
 * is the second `:`-part of the value `idt:TKN-…:<secret>`, and GET /accounts/api-tokens/{TKN}
 * returns the token with its account. (CONFIRMED: the CLI and mpt-mcp do exactly this.)
 */
import { apiTokenSchema, accountTypeSchema, type WhoAmI } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { checkTokenValue, TOKEN_VALUE_MESSAGES, type ParsedTokenValue } from '../../../common/token-value';
import { notMarketplaceError } from './errors';
import { HttpClient, type CallOptions, type HttpClientOptions } from './http';
import { idSegment, parseBody } from './parse';
import { TOKENS_PATH } from './tokens';

export type { ParsedTokenValue } from '../../../common/token-value';

/** Kept under its old name for callers of the API client; the text lives in common/token-value.ts. */
export const LEGACY_TOKEN_HINT = TOKEN_VALUE_MESSAGES.legacy;

/**
 * Reads a pasted token value with the one rule (common/token-value.ts): trimmed, a `Bearer `
 * prefix dropped. Throws DeskError 'validation' with the reason on `fields.token`.
 */
export function readTokenValue(raw: string): ParsedTokenValue {
  const check = checkTokenValue(raw);
  if (!check.ok) throw new DeskError({ code: 'validation', message: check.problem, fields: { token: [check.problem] } });
  return { value: check.value, tokenId: check.tokenId, secret: check.secret };
}

/** Split a token value into its id and secret. Throws DeskError 'validation' with a specific reason. */
export function parseTokenValue(raw: string): { tokenId: string; secret: string } {
  const { tokenId, secret } = readTokenValue(raw);
  return { tokenId, secret };
}

export const REJECTED_MESSAGE = 'The Marketplace rejected this token (it may be disabled, deleted or mistyped)';

/**
 * Identify the token `http` authenticates with.
 * 401 → 'unauthorized' with a plain sentence; a token that reads itself as Disabled/Deleted
 * is refused too, saying so (it cannot be used for anything else).
 */
export async function whoAmIWith(http: HttpClient, opts: CallOptions = {}): Promise<WhoAmI> {
  const { tokenId } = parseTokenValue(http.tokenValue);
  let body: unknown;
  try {
    const res = await http.request({ method: 'GET', path: `${TOKENS_PATH}/${idSegment(tokenId, 'token')}`, knownPath: true, ...(opts.signal ? { signal: opts.signal } : {}) });
    body = res.body;
  } catch (err) {
    if (DeskError.is(err) && err.code === 'unauthorized') {
      throw new DeskError({ ...err.toData(), message: `${REJECTED_MESSAGE}.` });
    }
    if (DeskError.is(err) && err.code === 'not_found') {
      // The token authenticated but cannot see itself: the value's id part was altered.
      throw new DeskError({ ...err.toData(), code: 'unauthorized', message: `${REJECTED_MESSAGE}: its id ${tokenId} was not found.` });
    }
    throw err;
  }
  // JSON without a token id at all is another API at this address; a token that is only
  // malformed is the Marketplace's own fault (parseBody says so).
  if (!looksLikeToken(body)) throw notMarketplaceError(http.baseUrl, 'shape');
  const token = parseBody(apiTokenSchema, body, 'a token');
  if (token.status === 'Disabled') {
    throw new DeskError({ code: 'unauthorized', message: `This API token (${token.id} "${token.name}") is disabled. Enable it in the Marketplace, or use another token.` });
  }
  if (token.status === 'Deleted') {
    throw new DeskError({ code: 'unauthorized', message: `This API token (${token.id} "${token.name}") has been deleted. Use another token.` });
  }
  const type = accountTypeSchema.safeParse(token.account.type);
  if (!type.success) {
    throw new DeskError({ code: 'server', message: `The Marketplace did not say which kind of account ${token.account.id} is.` });
  }
  return {
    tokenId: token.id,
    tokenName: token.name,
    tokenStatus: token.status,
    account: { id: token.account.id, name: token.account.name ?? token.account.id, type: type.data },
  };
}

function looksLikeToken(body: unknown): boolean {
  return !!body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string' && (body as { id: string }).id.startsWith('TKN-');
}

export type WhoAmITarget = { whoAmI(opts?: CallOptions): Promise<WhoAmI> } | (Omit<HttpClientOptions, 'appVersion'> & { appVersion?: string });

/**
 * `whoAmI(client)` or `whoAmI({ baseUrl, token })`. The token value is checked locally first,
 * so a mistyped value fails fast with a specific message and never reaches the network.
 */
export async function whoAmI(target: WhoAmITarget, opts: CallOptions = {}): Promise<WhoAmI> {
  if ('whoAmI' in target) return target.whoAmI(opts);
  const { value } = readTokenValue(target.token);
  const http = new HttpClient({ ...target, token: value, appVersion: target.appVersion ?? '0.0.0' });
  return whoAmIWith(http, opts);
}
