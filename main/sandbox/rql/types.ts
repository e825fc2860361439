/** RQL abstract syntax (marketplace-api.md §6). */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'like' | 'ilike';

export type RqlValue =
  | { kind: 'string'; value: string; /** text with backslash escapes kept, for like/ilike patterns */ raw: string }
  | { kind: 'null' }
  | { kind: 'empty' };

export type RqlNode =
  | { op: 'and' | 'or'; args: RqlNode[] }
  | { op: 'not'; arg: RqlNode }
  | { op: CompareOp; path: string[]; value: RqlValue }
  | { op: 'in' | 'out'; path: string[]; values: RqlValue[] }
  | { op: 'any' | 'all'; path: string[]; cond: RqlNode };

export interface OrderKey {
  path: string[];
  desc: boolean;
}

export interface SelectItem {
  path: string[];
  /** false = `-field` (remove). */
  include: boolean;
}

export interface RqlQuery {
  filter: RqlNode | null;
  order: OrderKey[];
  /** `-*` clears the default field set before the other items apply. */
  selectClearAll: boolean;
  select: SelectItem[];
  limit: number | null;
  offset: number | null;
  /** Raw text of each filter term, for error messages. */
  terms: string[];
}

/** A syntax or semantic error; `expression` keys the ProblemDetails `errors` map. */
export class RqlError extends Error {
  constructor(
    readonly expression: string,
    message: string,
  ) {
    super(message);
    this.name = 'RqlError';
  }
}
