import { describe, expect, it } from 'vitest';
import { compareScalar, likePattern, matches, sortBy, valuesAt } from '../../../main/sandbox/rql/evaluate';
import { arr, leaf, obj, resolveField, validateQueryFields } from '../../../main/sandbox/rql/fields';
import { parseFilterTerm, parseQueryString } from '../../../main/sandbox/rql/parse';
import { RqlError } from '../../../main/sandbox/rql/types';

const tokens = [
  { id: 'TKN-0001-0001', name: 'Robot 1', status: 'Active', description: null, revision: 3, lastAccessAt: '2025-01-01T00:00:00.000Z', modules: [{ id: 'MOD-1756' }, { id: 'MOD-0478' }], audit: { created: { at: '2024-05-01T10:00:00.000Z' } } },
  { id: 'TKN-0001-0002', name: 'robot 2', status: 'Disabled', description: '', revision: 1, lastAccessAt: null, modules: [{ id: 'MOD-0478' }], audit: { created: { at: '2024-06-01T10:00:00.000Z' } } },
  { id: 'TKN-0001-0003', name: 'Star*Bot', status: 'Active', description: 'x', revision: 12, lastAccessAt: '2026-01-01T00:00:00.000Z', modules: [], audit: { created: { at: '2023-01-01T10:00:00.000Z' } } },
];
const ids = (expr: string) => tokens.filter((t) => matches(parseFilterTerm(expr), t)).map((t) => t.id.slice(-1));

describe('RQL evaluation', () => {
  it('eq/ne incl. numbers and arrays (any element)', () => {
    expect(ids('eq(status,Active)')).toEqual(['1', '3']);
    expect(ids('ne(status,Active)')).toEqual(['2']);
    expect(ids('eq(revision,12)')).toEqual(['3']);
    expect(ids('eq(modules.id,MOD-0478)')).toEqual(['1', '2']);
  });

  it('gt/ge/lt/le compare numbers numerically and dates as instants', () => {
    expect(ids('gt(revision,2)')).toEqual(['1', '3']); // 12 > 2 numerically, not as strings
    expect(ids('le(revision,3)')).toEqual(['1', '2']);
    expect(ids('lt(lastAccessAt,2025-06-01)')).toEqual(['1']); // null never compares
    expect(ids('ge(audit.created.at,2024-05-01T10:00:00Z)')).toEqual(['1', '2']);
    expect(compareScalar('2024-05-01T10:00:00.000Z', '2024-05-01T12:00:00+02:00')).toBe(0);
  });

  it('like is case-sensitive, ilike is not; * wildcard, \\* literal', () => {
    expect(ids('like(name,Robot*)')).toEqual(['1']);
    expect(ids('ilike(name,robot*)')).toEqual(['1', '2']);
    expect(ids('ilike(name,*\\**)')).toEqual(['3']);
    expect(likePattern('a.b*', false).test('a.bcd')).toBe(true);
    expect(likePattern('a.b*', false).test('axbcd')).toBe(false); // regex metacharacters are literal
  });

  it('in/out, and/or/not, any/all', () => {
    expect(ids('in(status,(Disabled,Deleted))')).toEqual(['2']);
    expect(ids('out(status,(Disabled,Deleted))')).toEqual(['1', '3']);
    expect(ids('or(eq(id,TKN-0001-0001),eq(id,TKN-0001-0003))')).toEqual(['1', '3']);
    expect(ids('and(eq(status,Active),not(ilike(name,robot*)))')).toEqual(['3']);
    expect(ids('any(modules,eq(id,MOD-1756))')).toEqual(['1']);
    expect(ids('all(modules,eq(id,MOD-0478))')).toEqual(['2', '3']); // vacuously true for []
  });

  it('null() and empty()', () => {
    expect(ids('eq(lastAccessAt,null())')).toEqual(['2']);
    expect(ids('ne(lastAccessAt,null())')).toEqual(['1', '3']);
    expect(ids('eq(description,empty())')).toEqual(['1', '2']);
    expect(ids('eq(modules,empty())')).toEqual(['3']);
  });

  it('valuesAt flattens arrays along the path', () => {
    expect(valuesAt(tokens[0], ['modules', 'id'])).toEqual(['MOD-1756', 'MOD-0478']);
    expect(valuesAt(tokens[0], ['missing', 'x'])).toEqual([undefined]);
  });

  it('sortBy: multi-key, case-insensitive strings, nulls first ascending, stable', () => {
    const byName = sortBy(tokens, [{ path: ['name'], desc: false }]).map((t) => t.name);
    expect(byName).toEqual(['Robot 1', 'robot 2', 'Star*Bot']);
    const byAccess = sortBy(tokens, [{ path: ['lastAccessAt'], desc: true }]).map((t) => t.id.slice(-1));
    expect(byAccess).toEqual(['3', '1', '2']);
    const multi = sortBy(tokens, [{ path: ['status'], desc: false }, { path: ['revision'], desc: true }]).map((t) => t.id.slice(-1));
    expect(multi).toEqual(['3', '1', '2']);
  });

  it('validateQueryFields rejects unknown fields, and any() on a non-collection', () => {
    const spec = obj({ id: leaf, name: leaf, modules: arr(obj({ id: leaf })), account: obj({ id: leaf }) });
    expect(resolveField(spec, ['modules', 'id'])).toEqual(leaf);
    expect(() => validateQueryFields(parseQueryString('eq(account.id,1)&any(modules,eq(id,1))&order=-name&select=+modules.id'), spec)).not.toThrow();
    for (const q of ['eq(mistake,1)', 'any(name,eq(id,1))', 'any(modules,eq(name,1))', 'order=nope', 'select=-account.nope', 'eq(account.id.deep,1)']) {
      expect(() => validateQueryFields(parseQueryString(q), spec), q).toThrow(RqlError);
    }
  });
});
