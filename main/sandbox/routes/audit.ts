/** /public/v1/audit/records (§5.2). Non-ops callers see only records their account is a viewer of. */
import { ok, type HandlerContext, type SandboxResponse } from '../http';
import { listEnvelope, parseListQuery, projectOne } from '../list-response';
import { notFound } from '../problem';
import { AUDIT_FIELDS } from '../resource-fields';
import type { Route } from '../router';
import type { RqlNode } from '../rql/types';

const BASE = '/public/v1/audit/records';

export function auditRoutes(): Route[] {
  return [
    { method: 'GET', path: BASE, handler: list },
    { method: 'GET', path: `${BASE}/:id`, handler: get },
  ];
}

function list(ctx: HandlerContext): SandboxResponse {
  const query = parseListQuery(ctx.req.rawQuery, AUDIT_FIELDS);
  return ok(listEnvelope(query, ctx.store.visibleAudit(ctx.caller, query.order, pinnedObjectId(query.filter)), AUDIT_FIELDS, []));
}

/**
 * The object id an (AND-ed) `eq(object.id,'…')` pins the result to, if any. The full filter
 * still runs afterwards; this only narrows the candidates through the store's index.
 */
export function pinnedObjectId(node: RqlNode | null): string | undefined {
  if (!node) return undefined;
  if (node.op === 'eq' && node.path.length === 2 && node.path[0] === 'object' && node.path[1] === 'id' && node.value.kind === 'string') return node.value.value;
  if (node.op === 'and') {
    for (const arg of node.args) {
      const id = pinnedObjectId(arg);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}

function get(ctx: HandlerContext): SandboxResponse {
  const id = ctx.req.params.id ?? '';
  const record = ctx.store.auditRecord(ctx.caller, id);
  if (!record) throw notFound(id);
  return ok(projectOne(ctx.req.rawQuery, AUDIT_FIELDS, record));
}
