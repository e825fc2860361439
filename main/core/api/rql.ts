/**
 * Typed builder for RQL, the Marketplace's query language (marketplace-api.md §6).
 *
 * RQL goes straight into the query string (`?eq(status,'Active')&limit=10`), so a value is
 * encoded in two layers:
 *   1. RQL: the value goes in single quotes (as the official Python client emits them) and
 *      `\` and `'` inside are escaped with a backslash. In ilike/like patterns a LITERAL `*`
 *      is escaped too (`\*`, as the docs say); only the wildcards the caller asked for
 *      (contains/startsWith/…) stay bare `*`.
 *   2. URL: everything inside the quotes except [A-Za-z0-9-_.~*!] is percent-encoded, so no
 *      `&`, `#`, `%`, `+`, space, `(`, `)`, `,` or `'` of the user's text can be mistaken for
 *      query-string or RQL syntax, even by a server that splits terms before decoding them.
 *      The RQL syntax itself (`eq(`, `,`, `)`, the delimiting quotes) stays readable.
 * So `O'Brien` → `eq(name,'O%5C%27Brien')`, and the literal text `a*b` matched with
 * contains() → `ilike(name,'*a%5C*b*')`.
 * One backslash layer (escapes and pattern escapes share it) is INFERRED from the docs'
 * "`\*` escapes a literal star"; the sandbox implements the same reading and the
 * integration tests check names like `a,b)` and `O'Brien` end to end.
 */

const RQL = Symbol('rql');

/** An RQL expression (filter) ready to go in a query string. */
export interface Rql {
  readonly [RQL]: true;
  readonly text: string;
  toString(): string;
}

function expr(text: string): Rql {
  return { [RQL]: true, text, toString: () => text };
}

export function isRql(value: unknown): value is Rql {
  return typeof value === 'object' && value !== null && (value as Partial<Rql>)[RQL] === true;
}

/** `empty()` / `null()` constants. */
export interface RqlConstant {
  readonly constant: 'empty()' | 'null()';
}
export const empty = (): RqlConstant => ({ constant: 'empty()' });
export const nil = (): RqlConstant => ({ constant: 'null()' });
/** Exported as `null` too, for `rql.null()` through a namespace import. */
export { nil as null };

export type RqlValue = string | number | boolean | null | RqlConstant;

const PROPERTY = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

function prop(name: string): string {
  if (!PROPERTY.test(name)) throw new TypeError(`Invalid RQL property name: ${JSON.stringify(name)}`);
  return name;
}

/** Replace lone surrogates (not encodable as UTF-8) with U+FFFD, like String#toWellFormed. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Layer 2: percent-encode RQL-escaped text for the inside of a quoted value. */
function encodeInside(escaped: string): string {
  return encodeURIComponent(escaped).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Quote a raw string as an RQL value, URL-safe: `O'Brien` → `'O%5C%27Brien'`. */
export function quote(raw: string): string {
  return `'${encodeInside(wellFormed(raw).replace(/[\\']/g, '\\$&'))}'`;
}

function value(v: RqlValue): string {
  if (v === null) return 'null()';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`RQL numbers must be finite: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v.constant;
}

const cmp = (op: string) => (property: string, v: RqlValue): Rql => expr(`${op}(${prop(property)},${value(v)})`);

export const eq = cmp('eq');
export const ne = cmp('ne');
export const gt = cmp('gt');
export const ge = cmp('ge');
export const lt = cmp('lt');
export const le = cmp('le');

function list(values: readonly RqlValue[]): string {
  if (values.length === 0) throw new TypeError('in()/out() need at least one value');
  return `(${values.map(value).join(',')})`;
}

/** `in(prop,('a','b'))` */
export const in_ = (property: string, values: readonly RqlValue[]): Rql => expr(`in(${prop(property)},${list(values)})`);
/** `out(prop,('a','b'))` */
export const out = (property: string, values: readonly RqlValue[]): Rql => expr(`out(${prop(property)},${list(values)})`);
/** Exported as `in` too, for `rql.in(...)` through a namespace import. */
export { in_ as in };

// ---- patterns ---------------------------------------------------------------------------

const WILDCARD = Symbol('wildcard');
type PatternPart = string | typeof WILDCARD;

/** An ilike/like pattern: literal text plus the wildcards the caller asked for. */
export class RqlPattern {
  constructor(readonly parts: readonly PatternPart[]) {}
  /** RQL text inside the quotes: literal `\`, `'` and `*` backslash-escaped, wildcards bare. */
  get source(): string {
    return this.parts.map((p) => (p === WILDCARD ? '*' : wellFormed(p).replace(/[\\'*]/g, '\\$&'))).join('');
  }
}

/** Build a pattern from literal strings and `ANY` wildcards, e.g. `pattern('ACME ', ANY)`. */
export const ANY: typeof WILDCARD = WILDCARD;
export const pattern = (...parts: PatternPart[]): RqlPattern => new RqlPattern(parts);
/** Matches values containing `text` (case-insensitive with ilike). */
export const contains = (text: string): RqlPattern => pattern(ANY, text, ANY);
export const startsWith = (text: string): RqlPattern => pattern(text, ANY);
export const endsWith = (text: string): RqlPattern => pattern(ANY, text);
/** The whole value equals `text` literally (stars in `text` are not wildcards). */
export const exactly = (text: string): RqlPattern => pattern(text);

function patternValue(p: string | RqlPattern): string {
  const pat = typeof p === 'string' ? exactly(p) : p;
  return `'${encodeInside(pat.source)}'`;
}

/** Case-insensitive match. A plain string is matched literally; use contains()/pattern() for wildcards. */
export const ilike = (property: string, p: string | RqlPattern): Rql => expr(`ilike(${prop(property)},${patternValue(p)})`);
/** Case-sensitive match (INFERRED: the docs use `like` without defining its case rule). */
export const like = (property: string, p: string | RqlPattern): Rql => expr(`like(${prop(property)},${patternValue(p)})`);

// ---- logic ------------------------------------------------------------------------------

function group(op: string, items: readonly Rql[]): Rql {
  if (items.length === 0) throw new TypeError(`${op}() needs at least one expression`);
  if (items.length === 1) return items[0]!; // and(x) ≡ x; keeps URLs short
  return expr(`${op}(${items.map((i) => i.text).join(',')})`);
}
export const and = (...items: Rql[]): Rql => group('and', items);
export const or = (...items: Rql[]): Rql => group('or', items);
export const not = (item: Rql): Rql => expr(`not(${item.text})`);
/** Some element of the collection matches: `any(modules,eq(id,'MOD-1756'))`. */
export const any = (collection: string, condition: Rql): Rql => expr(`any(${prop(collection)},${condition.text})`);
/** Every element of the collection matches. */
export const all = (collection: string, condition: Rql): Rql => expr(`all(${prop(collection)},${condition.text})`);

// ---- query string -----------------------------------------------------------------------

export interface QueryParts {
  /** One expression, or several (ANDed, sent as one `and(...)`). */
  filter?: Rql | readonly Rql[];
  /** Sort keys: `name`, `-audit.created.at`, `+id`. */
  order?: readonly string[];
  /** Field selection: `audit`, `+token`, `-modules`, `-*`. */
  select?: readonly string[];
  limit?: number;
  offset?: number;
  /** Bare tokens such as `render()` appended at the end. */
  extra?: readonly string[];
}

const ORDER_KEY = /^[+-]?[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const SELECT_KEY = /^[+-]?([A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*|\*)$/;
const EXTRA = /^[a-z]+\(\)$/;

function nonNegativeInt(name: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`${name} must be a non-negative integer, got ${n}`);
  return String(n);
}

/**
 * Assemble the query string (no leading `?`), parameters first then the filter, as the
 * official client does: `limit=100&offset=0&order=-audit.created.at&select=audit&eq(…)`.
 */
export function buildQuery(parts: QueryParts = {}): string {
  const out: string[] = [];
  if (parts.limit !== undefined) out.push(`limit=${nonNegativeInt('limit', parts.limit)}`);
  if (parts.offset !== undefined) out.push(`offset=${nonNegativeInt('offset', parts.offset)}`);
  if (parts.order && parts.order.length > 0) {
    for (const k of parts.order) if (!ORDER_KEY.test(k)) throw new TypeError(`Invalid order key: ${JSON.stringify(k)}`);
    // `+` would decode to a space in a query string; ascending is the default anyway.
    out.push(`order=${parts.order.map((k) => (k.startsWith('+') ? k.slice(1) : k)).join(',')}`);
  }
  if (parts.select && parts.select.length > 0) {
    for (const k of parts.select) if (!SELECT_KEY.test(k)) throw new TypeError(`Invalid select key: ${JSON.stringify(k)}`);
    out.push(`select=${parts.select.map((k) => k.replace(/^\+/, '%2B')).join(',')}`);
  }
  const filters = parts.filter === undefined ? [] : isRql(parts.filter) ? [parts.filter] : [...(parts.filter as readonly Rql[])];
  if (filters.length > 0) out.push(and(...filters).text);
  for (const e of parts.extra ?? []) {
    if (!EXTRA.test(e)) throw new TypeError(`Invalid extra query token: ${JSON.stringify(e)}`);
    out.push(e);
  }
  return out.join('&');
}
