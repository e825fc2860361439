/** Runs a parsed RQL query over an iterable of views and builds the list envelope. */
import { buildProjection, pageOf, type ListEnvelope } from './listing';
import { ApiProblem } from './problem';
import { matches } from './rql/evaluate';
import { validateQueryFields, type FieldSpec } from './rql/fields';
import { parseQueryString } from './rql/parse';
import { RqlError, type RqlQuery } from './rql/types';

/** Parses and validates; RQL errors become 400 `{errors: {"<expr>": ["…"]}}` (§8). */
export function parseListQuery(rawQuery: string, spec: FieldSpec): RqlQuery {
  try {
    const query = parseQueryString(rawQuery);
    validateQueryFields(query, spec);
    return query;
  } catch (error) {
    if (error instanceof RqlError) throw new ApiProblem(400, 'One or more validation errors occurred.', { [error.expression]: [error.message] });
    throw error;
  }
}

/**
 * The envelope over an array of records in list order, already serialised as UTF-8 (byte for
 * byte what `JSON.stringify(listEnvelope(…))` gives). Views are built only for records the answer needs:
 * without a filter, `total` is the array's length and only the page's records are viewed; with
 * a filter every record is viewed and matched, as it must be. Each item's JSON is cached per
 * (view object, select): views are immutable and replaced when their record changes, so a
 * page of unchanged tokens costs a few string joins instead of serialising 100 objects.
 */
export function listArrayJson<T>(
  query: RqlQuery,
  items: readonly T[],
  view: (item: T) => object,
  spec: FieldSpec,
  defaultOmitted: readonly string[],
): Buffer {
  const { offset, limit } = pageOf(query);
  const projection = buildProjection(query, spec, defaultOmitted);
  const cache = itemJsonCache(query, defaultOmitted);
  const json = (v: object): Buffer => {
    let bytes = cache.get(v);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(projection.project(v)), 'utf8');
      cache.set(v, bytes);
    }
    return bytes;
  };
  const filter = query.filter;
  const end = offset + limit;
  const data: Buffer[] = [];
  let total = 0;
  if (!filter) {
    total = items.length;
    for (let i = offset; i < Math.min(end, total); i++) data.push(json(view(items[i] as T)));
  } else {
    for (const item of items) {
      const v = view(item);
      if (!matches(filter, v)) continue;
      if (total >= offset && total < end) data.push(json(v));
      total++;
    }
  }
  const meta: ListEnvelope['$meta'] = { pagination: { offset, limit, total }, omitted: projection.omitted };
  // One copy into a fresh buffer: no big V8 string to build, flatten and re-encode per page.
  const parts: Buffer[] = [Buffer.from(`{"$meta":${JSON.stringify(meta)},"data":[`, 'utf8')];
  for (let i = 0; i < data.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(data[i] as Buffer);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');
const itemJsonCaches = new Map<string, WeakMap<object, Buffer>>();
function itemJsonCache(query: RqlQuery, defaultOmitted: readonly string[]): WeakMap<object, Buffer> {
  const key = `${defaultOmitted.join(',')}|${query.selectClearAll ? '-*' : ''}|${query.select.map((s) => (s.include ? '+' : '-') + s.path.join('.')).join(',')}`;
  let cache = itemJsonCaches.get(key);
  if (!cache) {
    if (itemJsonCaches.size >= 64) itemJsonCaches.clear(); // bounded: odd selects do not pile up
    cache = new WeakMap<object, Buffer>();
    itemJsonCaches.set(key, cache);
  }
  return cache;
}

export function listEnvelope(query: RqlQuery, views: Iterable<object>, spec: FieldSpec, defaultOmitted: readonly string[]): ListEnvelope {
  const { offset, limit } = pageOf(query);
  const projection = buildProjection(query, spec, defaultOmitted);
  const filter = query.filter;
  const end = offset + limit;
  const data: object[] = [];
  let total = 0;
  for (const view of views) {
    if (filter && !matches(filter, view)) continue;
    if (total >= offset && total < end) data.push(projection.project(view));
    total++;
  }
  return { $meta: { pagination: { offset, limit, total }, omitted: projection.omitted }, data };
}

/** GET of one object: only `select=` applies. */
export function projectOne(rawQuery: string, spec: FieldSpec, view: object, defaultOmitted: readonly string[] = []): object {
  return buildProjection(parseListQuery(rawQuery, spec), spec, defaultOmitted).project(view);
}
