import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as rql from '../../../main/core/api/rql';
import { buildQuery, contains, endsWith, eq, exactly, ilike, pattern, ANY, startsWith } from '../../../main/core/api/rql';

// ---- a tiny reference decoder, written from the docs, independent of the client --------------

/** What a server sees: the query after the WHATWG URL parser (as fetch sends it), split on `&`, each term decoded. */
function wireTerms(query: string): string[] {
  const search = new URL(`http://h/p?${query}`).search.slice(1);
  return search.split('&').map((t) => decodeURIComponent(t));
}

/** Parse `op(prop,'quoted')` → {op, prop, value (unescaped), raw (escapes kept)}. */
function parseCompare(term: string): { op: string; prop: string; value: string; raw: string } {
  const m = /^(\w+)\(([\w.]+),'/.exec(term);
  if (!m) throw new Error(`not a comparison: ${term}`);
  let i = m[0].length;
  let value = '';
  let raw = '';
  for (;;) {
    const c = term[i++];
    if (c === undefined) throw new Error('unterminated');
    if (c === "'") break;
    if (c === '\\') {
      const n = term[i++];
      if (n === undefined) throw new Error('dangling escape');
      value += n;
      raw += `\\${n}`;
    } else {
      value += c;
      raw += c;
    }
  }
  if (term.slice(i) !== ')') throw new Error(`trailing text: ${term.slice(i)}`);
  return { op: m[1]!, prop: m[2]!, value, raw };
}

/** Docs: `*` wildcard, `\*` literal star (any `\x` is a literal x). */
function likeMatches(raw: string, subject: string): boolean {
  let src = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') src += raw[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') src += '.*';
    else src += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 'is').test(subject);
}

const filterTerm = (query: string) => wireTerms(query).at(-1)!;
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('rql builder: examples', () => {
  it('quotes and escapes values', () => {
    expect(eq('name', "O'Brien").text).toBe("eq(name,'O%5C%27Brien')");
    expect(eq('name', 'a,b)').text).toBe("eq(name,'a%2Cb%29')");
    expect(eq('name', 'a&b=c #1 +2 100%').text).toBe("eq(name,'a%26b%3Dc%20%231%20%2B2%20100%25')");
    expect(eq('revision', 3).text).toBe('eq(revision,3)');
    expect(eq('ok', true).text).toBe('eq(ok,true)');
    expect(eq('description', null).text).toBe('eq(description,null())');
    expect(eq('description', rql.empty()).text).toBe('eq(description,empty())');
    expect(rql.ne('status', rql.null()).text).toBe('ne(status,null())');
  });

  it('builds every operator', () => {
    expect(rql.in('status', ['Active', 'Disabled']).text).toBe("in(status,('Active','Disabled'))");
    expect(rql.out('id', ['TKN-1']).text).toBe("out(id,('TKN-1'))");
    expect(rql.gt('audit.created.at', '2026-01-31T23:00:00.000Z').text).toBe("gt(audit.created.at,'2026-01-31T23%3A00%3A00.000Z')");
    expect(rql.ge('a', 1).text).toBe('ge(a,1)');
    expect(rql.lt('a', 1).text).toBe('lt(a,1)');
    expect(rql.le('a', 1).text).toBe('le(a,1)');
    expect(rql.and(eq('status', 'Active'), ilike('name', contains('bot'))).text).toBe("and(eq(status,'Active'),ilike(name,'*bot*'))");
    expect(rql.or(eq('a', 1), eq('b', 2)).text).toBe('or(eq(a,1),eq(b,2))');
    expect(rql.not(eq('a', 1)).text).toBe('not(eq(a,1))');
    expect(rql.any('modules', eq('id', 'MOD-1756')).text).toBe("any(modules,eq(id,'MOD-1756'))");
    expect(rql.all('modules', eq('id', 'MOD-1756')).text).toBe("all(modules,eq(id,'MOD-1756'))");
    expect(rql.like('name', startsWith('mobile-e2e-')).text).toBe("like(name,'mobile-e2e-*')");
    expect(rql.and(eq('a', 1)).text).toBe('eq(a,1)');
  });

  it('escapes literal stars in patterns, keeping requested wildcards', () => {
    expect(ilike('name', contains('a*b')).text).toBe("ilike(name,'*a%5C*b*')");
    expect(ilike('name', 'a*b').text).toBe("ilike(name,'a%5C*b')");
    expect(ilike('name', endsWith('x')).text).toBe("ilike(name,'*x')");
    expect(ilike('name', pattern('a', ANY, 'b')).text).toBe("ilike(name,'a*b')");
  });

  it('refuses property names and values that would inject syntax', () => {
    expect(() => eq('name)&x', 'a')).toThrow(TypeError);
    expect(() => eq('', 'a')).toThrow(TypeError);
    expect(() => eq('n', Number.NaN)).toThrow(TypeError);
    expect(() => rql.in('n', [])).toThrow(TypeError);
    expect(() => rql.and()).toThrow(TypeError);
    expect(() => buildQuery({ order: ['name desc'] })).toThrow(TypeError);
    expect(() => buildQuery({ select: ['a,b'] })).toThrow(TypeError);
    expect(() => buildQuery({ limit: -1 })).toThrow(TypeError);
    expect(() => buildQuery({ extra: ['x=1'] })).toThrow(TypeError);
  });

  it('assembles parameters first, then the filter', () => {
    expect(
      buildQuery({ filter: [eq('status', 'Active'), ilike('name', contains('bot'))], order: ['-audit.created.at', '+name'], select: ['audit', '+token', '-modules'], limit: 100, offset: 0, extra: ['render()'] }),
    ).toBe("limit=100&offset=0&order=-audit.created.at,name&select=audit,%2Btoken,-modules&and(eq(status,'Active'),ilike(name,'*bot*'))&render()");
    expect(buildQuery()).toBe('');
    expect(buildQuery({ limit: 0 })).toBe('limit=0');
  });
});

describe('rql builder: properties', () => {
  const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom("a,b)", "O'Brien", '\\', "\\'", '*', '%41', '&limit=1', '+ +', '#', "')&or(eq(a,'"));

  it('eq(name, s) decodes back to exactly s, after the URL parser, as one term', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const q = buildQuery({ limit: 10, offset: 0, filter: eq('name', s) });
        const terms = wireTerms(q);
        expect(terms).toHaveLength(3); // limit, offset, filter: nothing in s split the query
        const parsed = parseCompare(terms[2]!);
        expect(parsed.op).toBe('eq');
        expect(parsed.prop).toBe('name');
        expect(parsed.value).toBe(wellFormed(s));
      }),
      { numRuns: 500 },
    );
  });

  it('inside quotes only unreserved characters stay raw (nothing breaks the URL or the RQL)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const text = eq('name', s).text;
        const inside = text.slice("eq(name,'".length, -"')".length);
        expect(inside).toMatch(/^(?:[A-Za-z0-9\-_.~*!]|%[0-9A-F]{2})*$/);
      }),
      { numRuns: 500 },
    );
  });

  it('ilike(name, contains(t)) matches exactly the subjects containing t literally (case-insensitive)', () => {
    const chars = fc.string({ unit: fc.constantFrom('a', 'B', '*', '\\', "'", ',', ')', '(', '%', ' ', '&', '+') });
    fc.assert(
      fc.property(chars, chars, (t, subject) => {
        const parsed = parseCompare(filterTerm(buildQuery({ filter: ilike('name', contains(t)) })));
        expect(parsed.op).toBe('ilike');
        expect(likeMatches(parsed.raw, subject)).toBe(subject.toLowerCase().includes(t.toLowerCase()));
      }),
      { numRuns: 1000 },
    );
  });

  it('ilike(name, exactly(t)) matches only t itself (case-insensitive); startsWith/endsWith are anchored', () => {
    const chars = fc.string({ unit: fc.constantFrom('a', 'b', '*', '\\', "'") });
    fc.assert(
      fc.property(chars, chars, (t, subject) => {
        const ex = parseCompare(filterTerm(buildQuery({ filter: ilike('name', exactly(t)) })));
        expect(likeMatches(ex.raw, subject)).toBe(subject.toLowerCase() === t.toLowerCase());
        const sw = parseCompare(filterTerm(buildQuery({ filter: ilike('name', startsWith(t)) })));
        expect(likeMatches(sw.raw, subject)).toBe(subject.toLowerCase().startsWith(t.toLowerCase()));
        const ew = parseCompare(filterTerm(buildQuery({ filter: ilike('name', endsWith(t)) })));
        expect(likeMatches(ew.raw, subject)).toBe(subject.toLowerCase().endsWith(t.toLowerCase()));
      }),
      { numRuns: 500 },
    );
  });
});
