/**
 * "Who am I" for an API token. There is no /me endpoint (marketplace-api.md §9): the token id
 * is the second `:`-part of the value `idt:TKN-…:<secret>`, and GET /accounts/api-tokens/{TKN}
 * returns the token with its account. (CONFIRMED: the CLI and mpt-mcp do exactly this.)
 */
import { apiTokenSchema, accountTypeSchema, type WhoAmI } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { HttpClient, type CallOptions, type HttpClientOptions } from './http';
import { idSegment, parseBody } from './parse';
import { TOKENS_PATH } from './tokens';

export interface ParsedTokenValue {
  tokenId: string;
  secret: string;
}

const TOKEN_VALUE = /^idt:(TKN-\d{4}-\d{4}):([A-Za-z0-9._~+/=-]+)$/;
/** Older tokens had no `idt:TKN-…:` prefix: a bare alphanumeric secret (CONFIRMED that they existed, S7). */
const LEGACY_SECRET = /^[A-Za-z0-9]{32,64}$/;

export const LEGACY_TOKEN_HINT =
  'This looks like an older token without the idt:TKN-… prefix; Token Desk needs the full value starting with idt:TKN-';

function invalid(message: string): DeskError {
  return new DeskError({ code: 'validation', message, fields: { token: [message] } });
}

/** Split a token value into its id and secret. Throws DeskError 'validation' with a specific reason. */
export function parseTokenValue(value: string): ParsedTokenValue {
  const v = (value ?? '').trim();
  if (!v) throw invalid('Paste the API token value.');
  const m = TOKEN_VALUE.exec(v);
  if (m) return { tokenId: m[1]!, secret: m[2]! };
  if (LEGACY_SECRET.test(v)) throw invalid(LEGACY_TOKEN_HINT);
  if (/^bearer\s+/i.test(v)) throw invalid('Paste only the token value, without "Bearer ".');
  if (/^TKN-\d{4}-\d{4}$/.test(v)) throw invalid('That is a token id, not its value. Paste the full value starting with idt:TKN-');
  if (/\s/.test(v)) throw invalid('The token value must not contain spaces or line breaks. Paste it again, on one line.');
  throw invalid('This is not a valid API token value. It should look like idt:TKN-1234-5678:… (copied when the token was created).');
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
    const res = await http.request({ method: 'GET', path: `${TOKENS_PATH}/${idSegment(tokenId, 'token')}`, ...(opts.signal ? { signal: opts.signal } : {}) });
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

export type WhoAmITarget = { whoAmI(opts?: CallOptions): Promise<WhoAmI> } | (Omit<HttpClientOptions, 'appVersion'> & { appVersion?: string });

/**
 * `whoAmI(client)` or `whoAmI({ baseUrl, token })`. The token value is checked locally first,
 * so a mistyped value fails fast with a specific message and never reaches the network.
 */
export async function whoAmI(target: WhoAmITarget, opts: CallOptions = {}): Promise<WhoAmI> {
  if ('whoAmI' in target) return target.whoAmI(opts);
  parseTokenValue(target.token);
  const http = new HttpClient({ ...target, appVersion: target.appVersion ?? '0.0.0' });
  return whoAmIWith(http, opts);
}
