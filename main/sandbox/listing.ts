/**
 * The list envelope, `select` projection and paging shared by every list endpoint (§6, §7).
 */
import { resolveField, type FieldSpec } from './rql/fields';
import type { RqlQuery, SelectItem } from './rql/types';

/** INFERRED: the real default is unclear (10 in the quickstart, 1000 elsewhere); 10 matches the portal. */
export const DEFAULT_LIMIT = 10;
/** CONFIRMED-ish: "maximum limit is 100; values above are capped" (§7). */
export const MAX_LIMIT = 100;

export interface ListEnvelope {
  $meta: { pagination: { offset: number; limit: number; total: number }; omitted: string[] };
  data: object[];
}

export interface Projection {
  project(view: object): object;
  omitted: string[];
}

/**
 * Builds a projection from `select=`. Views are shared, cached objects: the projection copies
 * only what it changes (copy-on-write), never the whole view.
 */
export function buildProjection(query: RqlQuery, spec: FieldSpec, defaultOmitted: readonly string[]): Projection {
  const topLevel = spec.kind === 'object' ? Object.keys(spec.fields) : [];
  const includeTop = new Set(query.selectClearAll ? [] : topLevel.filter((k) => !defaultOmitted.includes(k)));
  const picks = new Map<string, string[][]>();
  const removals: string[][] = [];
  const explicitlyRemoved = new Set<string>();
  for (const item of query.select) applySelectItem(item, includeTop, picks, removals, explicitlyRemoved);
  const omitted = topLevel.filter((k) => !includeTop.has(k) && !picks.has(k) && (defaultOmitted.includes(k) || explicitlyRemoved.has(k) || query.selectClearAll));
  const identity = !query.selectClearAll && picks.size === 0 && removals.length === 0 && topLevel.every((k) => includeTop.has(k));
  return {
    omitted,
    project(view: object): object {
      if (identity) return view;
      const source = view as Record<string, unknown>;
      let out: Record<string, unknown> = {};
      for (const key of Object.keys(source)) {
        if (includeTop.has(key)) out[key] = source[key];
        else {
          const sub = picks.get(key);
          if (sub) out[key] = pickPaths(source[key], sub);
        }
      }
      for (const path of removals) out = removePath(out, path) as Record<string, unknown>;
      return out;
    },
  };
}

function applySelectItem(item: SelectItem, includeTop: Set<string>, picks: Map<string, string[][]>, removals: string[][], removed: Set<string>): void {
  const [top, ...rest] = item.path;
  if (top === undefined) return;
  if (rest.length === 0) {
    if (item.include) includeTop.add(top);
    else {
      includeTop.delete(top);
      picks.delete(top);
      removed.add(top);
    }
    return;
  }
  if (item.include) {
    if (!includeTop.has(top)) picks.set(top, [...(picks.get(top) ?? []), rest]);
  } else removals.push(item.path);
}

function pickPaths(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((v) => pickPaths(v, paths));
  if (value === null || typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [head, ...tail] of paths) {
    if (head === undefined || !Object.hasOwn(src, head)) continue;
    out[head] = tail.length === 0 ? src[head] : pickPaths(src[head], [tail]);
  }
  return out;
}

function removePath(value: unknown, path: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => removePath(v, path));
  if (value === null || typeof value !== 'object') return value;
  const [head, ...tail] = path;
  if (head === undefined || !Object.hasOwn(value, head)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  if (tail.length === 0) delete copy[head];
  else copy[head] = removePath(copy[head], tail);
  return copy;
}

export function pageOf(query: RqlQuery): { offset: number; limit: number } {
  return { offset: query.offset ?? 0, limit: Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT) };
}

/** Known top-level field? (select on a single object validates through this too). */
export function isKnownField(spec: FieldSpec, path: readonly string[]): boolean {
  return resolveField(spec, path) !== undefined;
}
