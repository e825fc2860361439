/** /public/v1/accounts/api-tokens (§1): list, get, create, update, delete, enable, disable, icon. */
import { randomInt } from 'node:crypto';
import { decodeBody, type IconUpload } from '../body';
import { ok, type HandlerContext, type SandboxResponse } from '../http';
import type { TokenRecord } from '../model';
import { ACCESS_MANAGEMENT_MODULE } from '../modules-catalogue';
import { ApiProblem, notFound } from '../problem';
import { listArrayJson, parseListQuery, projectOne } from '../list-response';
import { TOKEN_FIELDS, TOKEN_LIST_OMITTED } from '../resource-fields';
import type { Route } from '../router';
import { sha256 } from '../sample-data';
import type { Caller } from '../store';
import { validateCreate, validateUpdate } from '../token-validation';

const BASE = '/public/v1/accounts/api-tokens';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const iconPath = (id: string): string => `/v1/accounts/api-tokens/${id}/icon`;

export function tokenRoutes(): Route[] {
  return [
    { method: 'GET', path: BASE, handler: list },
    { method: 'POST', path: BASE, handler: create },
    { method: 'GET', path: `${BASE}/:id`, handler: get },
    { method: 'PUT', path: `${BASE}/:id`, handler: update },
    { method: 'DELETE', path: `${BASE}/:id`, handler: remove },
    { method: 'POST', path: `${BASE}/:id/enable`, handler: (ctx) => transition(ctx, 'enable') },
    { method: 'POST', path: `${BASE}/:id/disable`, handler: (ctx) => transition(ctx, 'disable') },
    // The icon path is relative to the API root (`/v1/...`, §2); serve it under both roots.
    { method: 'GET', path: '/v1/accounts/api-tokens/:id/icon', publicHandler: icon },
    { method: 'GET', path: `${BASE}/:id/icon`, publicHandler: icon },
  ];
}

/** INFERRED: managing tokens needs the Access Management module on the calling token (§8 403). */
function requireTokenAdmin(caller: Caller): void {
  if (!caller.token.moduleIds.includes(ACCESS_MANAGEMENT_MODULE)) {
    throw new ApiProblem(403, `The API token ${caller.token.id} has no access to the Access Management module (${ACCESS_MANAGEMENT_MODULE}).`);
  }
}

function find(ctx: HandlerContext): TokenRecord {
  requireTokenAdmin(ctx.caller);
  const id = ctx.req.params.id ?? '';
  const token = ctx.store.visibleToken(ctx.caller, id);
  if (!token) throw notFound(id);
  return token;
}

function list(ctx: HandlerContext): SandboxResponse {
  requireTokenAdmin(ctx.caller);
  const query = parseListQuery(ctx.req.rawQuery, TOKEN_FIELDS);
  const store = ctx.store;
  const tokens = store.visibleTokens(ctx.caller, query.order);
  return { status: 200, jsonBytes: listArrayJson(query, tokens, (t) => store.tokenView(t), TOKEN_FIELDS, TOKEN_LIST_OMITTED) };
}

function get(ctx: HandlerContext): SandboxResponse {
  // "Who am I" discovery (§9) is a token reading itself: any Active token may, whatever its
  // modules (an inactive one never gets here: authentication already refused it).
  const self = ctx.req.params.id === ctx.caller.token.id ? ctx.caller.token : undefined;
  const token = self ?? find(ctx);
  return ok(projectOne(ctx.req.rawQuery, TOKEN_FIELDS, ctx.store.tokenView(token)));
}

async function create(ctx: HandlerContext): Promise<SandboxResponse> {
  requireTokenAdmin(ctx.caller);
  const body = await decodeBody(ctx.req);
  const input = validateCreate(body.json, ctx.caller, ctx.store);
  const id = ctx.store.ids.token();
  const value = `idt:${id}:${secret(64)}`;
  if (body.icon) input.icon = storeIcon(ctx, id, body.icon);
  const token = ctx.store.createToken(ctx.caller, input, sha256(value), value, ctx.now());
  ctx.onCreate();
  // The only response that ever carries the value (v5, §2.2); it is not kept in clear.
  return ok({ ...ctx.store.tokenView(token), token: value }, 201);
}

async function update(ctx: HandlerContext): Promise<SandboxResponse> {
  const token = find(ctx);
  const body = await decodeBody(ctx.req);
  const revision = body.json.revision;
  if (revision !== undefined && revision !== null) {
    if (typeof revision !== 'number' || !Number.isInteger(revision)) throw new ApiProblem(400, 'One or more validation errors occurred.', { revision: ['The revision must be an integer.'] });
    if (revision !== token.revision) {
      throw new ApiProblem(409, `The API token ${token.id} was changed by someone else: revision ${revision} is stale, the current revision is ${token.revision}.`, { revision: [`Expected ${token.revision}.`] });
    }
  }
  if (token.status === 'Deleted') throw wrongState(token, 'A deleted API token cannot be changed');
  const account = ctx.store.accounts.get(token.accountId);
  if (!account) throw notFound(token.id);
  const changes = validateUpdate(body.json, account);
  if (body.icon) changes.icon = storeIcon(ctx, token.id, body.icon);
  ctx.store.updateToken(ctx.caller, token, changes, ctx.now());
  return ok(ctx.store.tokenView(token));
}

function remove(ctx: HandlerContext): SandboxResponse {
  const token = find(ctx);
  if (token.status === 'Deleted') {
    // Only ops can still see a Deleted token; a second delete is a wrong-state call.
    if (ctx.settings.wrongStateMode === 'noop') return { status: 204 };
    throw wrongState(token, 'The API token is already deleted');
  }
  ctx.store.setStatus(ctx.caller, token, 'Deleted', 'deleted', ctx.now());
  return { status: 204 };
}

function transition(ctx: HandlerContext, action: 'enable' | 'disable'): SandboxResponse {
  const token = find(ctx);
  if (token.status === 'Deleted') throw wrongState(token, `A deleted API token cannot be ${action}d`);
  const target = action === 'enable' ? 'Active' : 'Disabled';
  if (token.status === target) {
    // INFERRED (§1): the spec lists 400 for these operations but not the rule; configurable.
    if (ctx.settings.wrongStateMode === 'noop') return ok(ctx.store.tokenView(token));
    throw wrongState(token, action === 'enable' ? 'The API token is already active' : 'The API token is already disabled');
  }
  ctx.store.setStatus(ctx.caller, token, target, action === 'enable' ? 'enabled' : 'disabled', ctx.now());
  return ok(ctx.store.tokenView(token));
}

function icon(ctx: Omit<HandlerContext, 'caller'>): SandboxResponse {
  const id = ctx.req.params.id ?? '';
  const stored = ctx.store.getIcon(id);
  if (!stored) throw notFound(id);
  return { status: 200, raw: { contentType: stored.contentType, data: stored.data }, headers: { 'Cache-Control': 'no-cache' } };
}

function storeIcon(ctx: HandlerContext, id: string, upload: IconUpload): string {
  ctx.store.setIcon(id, upload);
  return iconPath(id);
}

function wrongState(token: TokenRecord, title: string): ApiProblem {
  return new ApiProblem(400, `${title}: ${token.id} is ${token.status}.`, { status: [`The API token is ${token.status}.`] }, title);
}

/** Uniform [A-Za-z0-9] from the OS CSPRNG. */
function secret(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}
