import { describe, expect, it } from 'vitest';
import { parseFilterTerm, parseQueryString, splitTopLevel } from '../../../main/sandbox/rql/parse';
import { RqlError } from '../../../main/sandbox/rql/types';

const s = (value: string, raw = value) => ({ kind: 'string', value, raw });

describe('RQL parser', () => {
  it('parses comparison operators with bare, single- and double-quoted values', () => {
    expect(parseFilterTerm('eq(status,Active)')).toEqual({ op: 'eq', path: ['status'], value: s('Active') });
    expect(parseFilterTerm("eq(id,'TKN-8857-1729')")).toEqual({ op: 'eq', path: ['id'], value: s('TKN-8857-1729') });
    expect(parseFilterTerm('ne(account.id,"ACC-1234-5678")')).toEqual({ op: 'ne', path: ['account', 'id'], value: s('ACC-1234-5678') });
    for (const op of ['gt', 'ge', 'lt', 'le', 'like', 'ilike']) expect(parseFilterTerm(`${op}(name,x)`)).toMatchObject({ op });
  });

  it('handles backslash escapes inside quotes and keeps the raw text for like patterns', () => {
    expect(parseFilterTerm("eq(name,'O\\'Brien')")).toEqual({ op: 'eq', path: ['name'], value: s("O'Brien", "O\\'Brien") });
    expect(parseFilterTerm('ilike(name,"a\\*b*")')).toEqual({ op: 'ilike', path: ['name'], value: s('a*b*', 'a\\*b*') });
    expect(parseFilterTerm("eq(name,'a,b)c')")).toMatchObject({ value: s('a,b)c') });
  });

  it('parses in/out lists, logic operators, any/all, null() and empty()', () => {
    expect(parseFilterTerm("in(status,('Active','Disabled'))")).toEqual({ op: 'in', path: ['status'], values: [s('Active'), s('Disabled')] });
    expect(parseFilterTerm('out(status,(Deleted))')).toEqual({ op: 'out', path: ['status'], values: [s('Deleted')] });
    expect(parseFilterTerm('and(eq(a,1),or(eq(b,2),not(eq(c,3))))')).toEqual({
      op: 'and',
      args: [
        { op: 'eq', path: ['a'], value: s('1') },
        { op: 'or', args: [{ op: 'eq', path: ['b'], value: s('2') }, { op: 'not', arg: { op: 'eq', path: ['c'], value: s('3') } }] },
      ],
    });
    expect(parseFilterTerm("any(modules,eq(id,'MOD-1756'))")).toEqual({ op: 'any', path: ['modules'], cond: { op: 'eq', path: ['id'], value: s('MOD-1756') } });
    expect(parseFilterTerm('eq(description,null())')).toEqual({ op: 'eq', path: ['description'], value: { kind: 'null' } });
    expect(parseFilterTerm('eq(description,empty())')).toEqual({ op: 'eq', path: ['description'], value: { kind: 'empty' } });
  });

  it('turns prop=value into eq', () => {
    expect(parseFilterTerm('status=Active')).toEqual({ op: 'eq', path: ['status'], value: s('Active') });
    expect(parseFilterTerm("name='a b'")).toEqual({ op: 'eq', path: ['name'], value: s('a b') });
  });

  it('splits the query on top-level & only, ANDs filter terms and reads the reserved params', () => {
    const q = parseQueryString("limit=100&offset=20&select=-name,audit&eq(name,'a&b')&status=Active&order=-audit.created.at,+name&render()");
    expect(q.limit).toBe(100);
    expect(q.offset).toBe(20);
    expect(q.select).toEqual([
      { path: ['name'], include: false },
      { path: ['audit'], include: true },
    ]);
    expect(q.order).toEqual([
      { path: ['audit', 'created', 'at'], desc: true },
      { path: ['name'], desc: false },
    ]);
    expect(q.filter).toEqual({ op: 'and', args: [{ op: 'eq', path: ['name'], value: s('a&b') }, { op: 'eq', path: ['status'], value: s('Active') }] });
    expect(q.terms).toEqual(["eq(name,'a&b')", 'status=Active']);
  });

  it('percent-decodes each term after splitting', () => {
    const q = parseQueryString(`${encodeURIComponent("eq(name,'x&y z')")}&select=-*,%2Bid`);
    expect(q.filter).toEqual({ op: 'eq', path: ['name'], value: s('x&y z') });
    expect(q.selectClearAll).toBe(true);
    expect(q.select).toEqual([{ path: ['id'], include: true }]);
  });

  it('reads what a standard URL encoder writes: render%28%29=, %2C in select, a call with an empty value', () => {
    const encoded = new URLSearchParams([['render()', ''], ['select', 'object,actor'], ['eq(status,Active)', '']]).toString();
    expect(encoded).toBe('render%28%29=&select=object%2Cactor&eq%28status%2CActive%29=');
    const q = parseQueryString(encoded);
    expect(q.select).toEqual([
      { path: ['object'], include: true },
      { path: ['actor'], include: true },
    ]);
    expect(q.filter).toEqual({ op: 'eq', path: ['status'], value: s('Active') });
    expect(q.terms).toEqual(['eq(status,Active)']);
    // Only one empty `=` after a whole call: a value or a second `=` is still an error.
    for (const bad of ['render()=x', 'render()==', 'eq(a,b)=c']) expect(() => parseQueryString(bad), bad).toThrow(RqlError);
  });

  it('accepts a space as ascending in order (form-encoded +)', () => {
    expect(parseQueryString('order= name').order).toEqual([{ path: ['name'], desc: false }]);
  });

  it('throws RqlError keyed by the expression for bad syntax', () => {
    for (const bad of ['eq(status', 'foo(a,b)', 'eq(status,Active))', "eq(name,'open", 'limit=-1', 'offset=x', 'order=', 'eq(,x)', 'nonsense', '%E0%A4%A', 'eq(a,b(c))']) {
      expect(() => parseQueryString(bad), bad).toThrow(RqlError);
    }
    const error = (() => {
      try {
        parseQueryString('foo(a,b)');
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RqlError);
    expect((error as RqlError).expression).toBe('foo(a,b)');
    expect((error as RqlError).message).toBe('Unknown expression group.');
  });

  it('splitTopLevel ignores separators inside quotes and parentheses', () => {
    expect(splitTopLevel("a&b(c&d)&'e&f'&\"g\\\"&h\"", '&')).toEqual(['a', 'b(c&d)', "'e&f'", '"g\\"&h"']);
  });
});
