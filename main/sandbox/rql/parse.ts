/**
 * Parses the raw query string of a list call into an RqlQuery.
 * RQL sits directly in the query string (not `?rql=`): `&`-separated terms are ANDed; the
 * reserved terms are `limit=`, `offset=`, `order=`, `select=` and the no-op `render()`.
 * Each term is percent-decoded on its own after splitting on `&`, so an encoded `%26` stays
 * data. `+` is NOT turned into a space: in `order=+name` it means ascending.
 * A standard URL encoder (URLSearchParams, most HTTP libraries) writes a term with no value as
 * `key=` and encodes `(`, `)` and `,`: `render%28%29=`, `eq%28status%2CActive%29=`. The real API
 * accepts that, so a call expression followed by one empty `=` is read as the call.
 */
import { RqlError, type CompareOp, type OrderKey, type RqlNode, type RqlQuery, type RqlValue, type SelectItem } from './types';

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'ilike']);
const UNKNOWN_GROUP = 'Unknown expression group.';

export function parseQueryString(rawQuery: string): RqlQuery {
  const query: RqlQuery = { filter: null, order: [], selectClearAll: false, select: [], limit: null, offset: null, terms: [] };
  const filters: RqlNode[] = [];
  for (const rawTerm of splitTopLevel(rawQuery.replace(/^\?/, ''), '&')) {
    if (rawTerm === '') continue;
    const term = withoutEmptyValue(decode(rawTerm));
    const param = /^(limit|offset|order|select)=(.*)$/s.exec(term);
    if (param) {
      const [, name, value = ''] = param;
      if (name === 'limit' || name === 'offset') {
        if (!/^\d+$/.test(value)) throw new RqlError(term, `${name} must be a non-negative integer.`);
        query[name] = Number(value);
      } else if (name === 'order') {
        query.order.push(...parseOrder(term, value));
      } else {
        parseSelect(term, value, query);
      }
      continue;
    }
    if (/^render\(\)$/.test(term)) continue; // accepted and ignored: details are always rendered
    query.terms.push(term);
    filters.push(parseFilterTerm(term));
  }
  query.filter = filters.length === 0 ? null : filters.length === 1 ? (filters[0] as RqlNode) : { op: 'and', args: filters };
  return query;
}

/** Parses one filter expression, e.g. `and(eq(status,Active),ilike(name,*bot*))` or `status=Active`. */
export function parseFilterTerm(term: string): RqlNode {
  if (/^[A-Za-z_][\w]*\(/.test(term)) {
    const parser = new Parser(term);
    const node = parser.expression();
    parser.expectEnd();
    return node;
  }
  // Shortcut `prop=value` ≡ eq(prop,value).
  const eqAt = term.indexOf('=');
  if (eqAt <= 0) throw new RqlError(term, UNKNOWN_GROUP);
  const path = parsePath(term, term.slice(0, eqAt));
  const parser = new Parser(term.slice(eqAt + 1), term);
  const value = parser.value();
  parser.expectEnd();
  return { op: 'eq', path, value };
}

function parseOrder(term: string, value: string): OrderKey[] {
  if (value === '') throw new RqlError(term, 'order needs at least one field.');
  return value.split(',').map((part) => {
    // A client that form-encodes may turn '+' into ' '; accept that as ascending too.
    const m = /^([+ -]?)(.+)$/.exec(part);
    if (!m) throw new RqlError(term, `Invalid order key "${part}".`);
    return { path: parsePath(term, m[2] ?? ''), desc: m[1] === '-' };
  });
}

function parseSelect(term: string, value: string, query: RqlQuery): void {
  for (const part of value.split(',')) {
    if (part === '') continue;
    if (part === '-*') {
      query.selectClearAll = true;
      continue;
    }
    const m = /^([+ -]?)(.+)$/.exec(part);
    if (!m) throw new RqlError(term, `Invalid select item "${part}".`);
    const item: SelectItem = { path: parsePath(term, m[2] ?? ''), include: m[1] !== '-' };
    query.select.push(item);
  }
}

function parsePath(term: string, text: string): string[] {
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(text)) throw new RqlError(term, `Invalid property "${text}".`);
  return text.split('.');
}

/** `render()=` → `render()`; `eq(a,b)=` → `eq(a,b)`; anything else as it is. */
function withoutEmptyValue(term: string): string {
  return /^[A-Za-z_]\w*\(.*\)=$/s.test(term) ? term.slice(0, -1) : term;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new RqlError(text, 'Invalid percent-encoding.');
  }
}

/** Splits on `sep` outside quotes and parentheses. */
export function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Recursive-descent parser over one decoded term. */
class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly term: string = text,
  ) {}

  private fail(message: string = UNKNOWN_GROUP): never {
    throw new RqlError(this.term, message);
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail(`Expected "${char}" at position ${this.pos}.`);
    this.pos++;
  }

  expectEnd(): void {
    if (this.pos !== this.text.length) this.fail(`Unexpected "${this.text.slice(this.pos)}".`);
  }

  private identifier(): string {
    const m = /^[A-Za-z_$][\w$.]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  private path(): string[] {
    return parsePath(this.term, this.identifier());
  }

  expression(): RqlNode {
    const name = this.identifier();
    this.expect('(');
    let node: RqlNode;
    if (name === 'and' || name === 'or') {
      const args = [this.expression()];
      while (this.peek() === ',') {
        this.pos++;
        args.push(this.expression());
      }
      node = { op: name, args };
    } else if (name === 'not') {
      node = { op: 'not', arg: this.expression() };
    } else if (COMPARE_OPS.has(name)) {
      const path = this.path();
      this.expect(',');
      node = { op: name as CompareOp, path, value: this.value() };
    } else if (name === 'in' || name === 'out') {
      const path = this.path();
      this.expect(',');
      node = { op: name, path, values: this.valueList() };
    } else if (name === 'any' || name === 'all') {
      const path = this.path();
      this.expect(',');
      node = { op: name, path, cond: this.expression() };
    } else {
      this.fail();
    }
    this.expect(')');
    return node;
  }

  private valueList(): RqlValue[] {
    // in(prop,(a,b)) is documented; in(prop,a,b) is tolerated.
    const values: RqlValue[] = [];
    const wrapped = this.peek() === '(';
    if (wrapped) this.pos++;
    values.push(this.value());
    while (this.peek() === ',') {
      this.pos++;
      values.push(this.value());
    }
    if (wrapped) this.expect(')');
    return values;
  }

  value(): RqlValue {
    const rest = this.text.slice(this.pos);
    if (rest.startsWith('null()')) {
      this.pos += 6;
      return { kind: 'null' };
    }
    if (rest.startsWith('empty()')) {
      this.pos += 7;
      return { kind: 'empty' };
    }
    const c = this.peek();
    if (c === "'" || c === '"') return this.quoted(c);
    return this.bare();
  }

  private quoted(q: string): RqlValue {
    this.pos++;
    const text = this.chars((c) => c === q, true);
    this.pos++; // the closing quote
    return { kind: 'string', ...text };
  }

  private bare(): RqlValue {
    const text = this.chars((c) => c === ',' || c === ')' || c === '(', false);
    if (this.peek() === '(') this.fail(`Unknown function "${text.value}".`);
    return { kind: 'string', ...text };
  }

  /**
   * Reads up to the character `ends` accepts; a backslash takes the next character as it is.
   * Quoted text must be closed; in bare text a trailing backslash is kept as itself.
   */
  private chars(ends: (c: string) => boolean, quoted: boolean): { value: string; raw: string } {
    let value = '';
    let raw = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) {
        if (quoted) this.fail('Unterminated quoted value.');
        break;
      }
      if (ends(c)) break;
      this.pos++;
      const next = c === '\\' ? this.text[this.pos] : undefined;
      if (c === '\\' && next === undefined && quoted) this.fail('Unterminated quoted value.');
      if (next === undefined) {
        value += c;
        raw += c;
      } else {
        this.pos++;
        value += next;
        raw += `\\${next}`;
      }
    }
    return { value, raw };
  }
}
