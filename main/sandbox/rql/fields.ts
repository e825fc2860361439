/**
 * Which properties a resource exposes to RQL (filter, order, select). Unknown properties are a
 * 400 "Unknown expression group." like the real API (§6).
 */
import { RqlError, type RqlNode, type RqlQuery } from './types';

export type FieldSpec = { kind: 'leaf' } | { kind: 'object'; fields: Record<string, FieldSpec> } | { kind: 'array'; of: FieldSpec };

export const leaf: FieldSpec = { kind: 'leaf' };
export const obj = (fields: Record<string, FieldSpec>): FieldSpec => ({ kind: 'object', fields });
export const arr = (of: FieldSpec): FieldSpec => ({ kind: 'array', of });

/** Resolves a path; arrays are traversed transparently (`modules.id`). */
export function resolveField(spec: FieldSpec, path: readonly string[]): FieldSpec | undefined {
  let current: FieldSpec | undefined = spec;
  for (const key of path) {
    while (current?.kind === 'array') current = current.of;
    if (current?.kind !== 'object') return undefined;
    current = Object.hasOwn(current.fields, key) ? current.fields[key] : undefined;
  }
  return current;
}

const UNKNOWN_GROUP = 'Unknown expression group.';

export function validateQueryFields(query: RqlQuery, spec: FieldSpec): void {
  if (query.filter) validateNode(query.filter, spec, query.terms.join('&'));
  for (const key of query.order) {
    if (!resolveField(spec, key.path)) throw new RqlError(`order=${key.path.join('.')}`, UNKNOWN_GROUP);
  }
  for (const item of query.select) {
    if (!resolveField(spec, item.path)) throw new RqlError(`select=${item.path.join('.')}`, UNKNOWN_GROUP);
  }
}

function validateNode(node: RqlNode, spec: FieldSpec, expr: string): void {
  switch (node.op) {
    case 'and':
    case 'or':
      for (const arg of node.args) validateNode(arg, spec, expr);
      return;
    case 'not':
      validateNode(node.arg, spec, expr);
      return;
    case 'any':
    case 'all': {
      const coll = resolveField(spec, node.path);
      if (coll?.kind !== 'array') throw new RqlError(expr, UNKNOWN_GROUP);
      validateNode(node.cond, coll.of, expr);
      return;
    }
    default:
      if (!resolveField(spec, node.path)) throw new RqlError(expr, UNKNOWN_GROUP);
  }
}
