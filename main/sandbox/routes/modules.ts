/** /public/v1/accounts/modules (§4). CONFIRMED ops-only; Client/Vendor callers get 403. */
import { ok, type HandlerContext, type SandboxResponse } from '../http';
import { listEnvelope, parseListQuery, projectOne } from '../list-response';
import { MODULES, MODULE_BY_ID } from '../modules-catalogue';
import { ApiProblem, notFound } from '../problem';
import { sortBy } from '../rql/evaluate';
import type { OrderKey } from '../rql/types';
import { MODULE_FIELDS } from '../resource-fields';
import type { Route } from '../router';
import { isOps, type Caller } from '../store';

const BASE = '/public/v1/accounts/modules';

export function moduleRoutes(): Route[] {
  return [
    { method: 'GET', path: BASE, handler: list },
    { method: 'GET', path: `${BASE}/:id`, handler: get },
  ];
}

function requireOps(caller: Caller): void {
  if (!isOps(caller)) throw new ApiProblem(403, `Listing modules is available for Operations accounts only; ${caller.account.id} is a ${caller.account.type} account.`);
}

function list(ctx: HandlerContext): SandboxResponse {
  requireOps(ctx.caller);
  const query = parseListQuery(ctx.req.rawQuery, MODULE_FIELDS);
  const views = query.order.length > 0 ? sortModules(query.order) : MODULES;
  return ok(listEnvelope(query, views, MODULE_FIELDS, []));
}

function get(ctx: HandlerContext): SandboxResponse {
  requireOps(ctx.caller);
  const id = ctx.req.params.id ?? '';
  const module = MODULE_BY_ID.get(id);
  if (!module) throw notFound(id);
  return ok(projectOne(ctx.req.rawQuery, MODULE_FIELDS, module));
}

function sortModules(order: readonly OrderKey[]): readonly object[] {
  return sortBy(MODULES, order);
}
