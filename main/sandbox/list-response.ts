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
