/**
 * Evaluates RQL against plain API-shaped objects (the cached views), without copying them.
 * Arrays along a path are flattened and a comparison holds if ANY element matches
 * (so `eq(modules.id,'MOD-1756')` works like `any(modules,eq(id,'MOD-1756'))`). INFERRED.
 */
import type { OrderKey, RqlNode, RqlValue } from './types';

export function valuesAt(item: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [item];
  for (const key of path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) {
        for (const el of v) pushProp(next, el, key);
      } else pushProp(next, v, key);
    }
    current = next;
  }
  const flat: unknown[] = [];
  for (const v of current) {
    if (Array.isArray(v)) flat.push(...v);
    else flat.push(v);
  }
  return flat;
}

function pushProp(out: unknown[], v: unknown, key: string): void {
  if (v !== null && typeof v === 'object') out.push((v as Record<string, unknown>)[key]);
  else out.push(undefined);
}

export function matches(node: RqlNode, item: unknown): boolean {
  switch (node.op) {
    case 'and':
      return node.args.every((a) => matches(a, item));
    case 'or':
      return node.args.some((a) => matches(a, item));
    case 'not':
      return !matches(node.arg, item);
    case 'any':
    case 'all': {
      const elements = collectionAt(item, node.path);
      return node.op === 'any' ? elements.some((el) => matches(node.cond, el)) : elements.every((el) => matches(node.cond, el));
    }
    case 'in':
      return valuesAt(item, node.path).some((v) => node.values.some((x) => equals(v, x)));
    case 'out':
      return !valuesAt(item, node.path).some((v) => node.values.some((x) => equals(v, x)));
    case 'eq':
      return isEmptyArrayMatch(item, node.path, node.value) || valuesAt(item, node.path).some((v) => equals(v, node.value));
    case 'ne':
      return !(isEmptyArrayMatch(item, node.path, node.value) || valuesAt(item, node.path).some((v) => equals(v, node.value)));
    case 'like':
    case 'ilike': {
      if (node.value.kind !== 'string') return false;
      const re = likePattern(node.value.raw, node.op === 'ilike');
      return valuesAt(item, node.path).some((v) => v !== null && v !== undefined && re.test(String(v)));
    }
    default: {
      const value = node.value;
      if (value.kind !== 'string') return false;
      return valuesAt(item, node.path).some((v) => {
        if (v === null || v === undefined) return false;
        const c = compareScalar(v, value.value);
        return node.op === 'gt' ? c > 0 : node.op === 'ge' ? c >= 0 : node.op === 'lt' ? c < 0 : c <= 0;
      });
    }
  }
}

function collectionAt(item: unknown, path: readonly string[]): unknown[] {
  return valuesAt(item, path).filter((v) => v !== undefined);
}

/** `eq(modules,empty())` on an empty array. */
function isEmptyArrayMatch(item: unknown, path: readonly string[], value: RqlValue): boolean {
  if (value.kind !== 'empty') return false;
  let v: unknown = item;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) && v.length === 0;
}

function equals(actual: unknown, expected: RqlValue): boolean {
  if (expected.kind === 'null') return actual === null || actual === undefined;
  if (expected.kind === 'empty') return actual === '' || actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  if (typeof actual === 'number') return actual === Number(expected.value);
  if (typeof actual === 'boolean') return String(actual) === expected.value.toLowerCase();
  if (typeof actual === 'string' && isIsoDate(actual) && isIsoDate(expected.value)) return Date.parse(actual) === Date.parse(expected.value);
  return String(actual) === expected.value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
function isIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && !Number.isNaN(Date.parse(s));
}

/** Numbers numerically, ISO dates as instants, everything else as strings. */
export function compareScalar(actual: unknown, expected: string): number {
  if (typeof actual === 'number') return actual - Number(expected);
  const a = String(actual);
  if (isIsoDate(a) && isIsoDate(expected)) return Date.parse(a) - Date.parse(expected);
  return a < expected ? -1 : a > expected ? 1 : 0;
}

const likeCache = new Map<string, RegExp>();
/** `*` is a wildcard, `\*` a literal star; other backslash escapes are literal characters. */
export function likePattern(raw: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}:${raw}`;
  const cached = likeCache.get(key);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c === '\\' && i + 1 < raw.length) {
      source += escapeRegExp(raw[++i] as string);
    } else if (c === '*') source += '.*';
    else source += escapeRegExp(c);
  }
  const re = new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
  if (likeCache.size > 500) likeCache.clear();
  likeCache.set(key, re);
  return re;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Sorts with precomputed keys (one pass per key, then an index sort), so 100k items sort in
 * tens of milliseconds. Strings compare case-insensitively, like a database collation (INFERRED);
 * null/missing values sort first ascending.
 */
export function sortBy<T>(items: readonly T[], order: readonly OrderKey[]): T[] {
  return sortIndexes(items, order).map((i) => items[i] as T);
}

/** The permutation that sorts `items` (so callers can reorder a parallel array). */
export function sortIndexes(items: readonly unknown[], order: readonly OrderKey[]): number[] {
  const keys = order.map((o) => items.map((item) => sortKey(firstValueAt(item, o.path))));
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => {
    for (let k = 0; k < order.length; k++) {
      const col = keys[k] as SortKey[];
      const c = compareKeys(col[a] as SortKey, col[b] as SortKey);
      if (c !== 0) return (order[k] as OrderKey).desc ? -c : c;
    }
    return a - b; // stable: ties keep the natural order
  });
  return idx;
}

/** First value at a path; avoids valuesAt's allocations on the common array-free path. */
export function firstValueAt(item: unknown, path: readonly string[]): unknown {
  let v: unknown = item;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (Array.isArray(v)) return valuesAt(item, path)[0];
    v = (v as Record<string, unknown>)[key];
  }
  return Array.isArray(v) ? v[0] : v;
}

/** Compares two items by an order (same rules as sortBy, without the stability tie-break). */
export function compareByOrder(a: unknown, b: unknown, order: readonly OrderKey[]): number {
  for (const o of order) {
    const c = compareKeys(sortKey(firstValueAt(a, o.path)), sortKey(firstValueAt(b, o.path)));
    if (c !== 0) return o.desc ? -c : c;
  }
  return 0;
}

type SortKey = null | number | string;
function sortKey(v: unknown): SortKey {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = String(v);
  return s.toLowerCase();
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}
