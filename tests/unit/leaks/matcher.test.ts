import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findBareCandidates, findValues, fingerprint, lineAt, maskedValue, SECRET_LENGTH } from '../../../main/core/leaks/matcher';

const SECRET = '4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
const VALUE = `idt:TKN-0291-1452:${SECRET}`;
const ids = (text: string) => findValues(text).map((h) => `${h.tokenId}:${h.secret === SECRET ? 'S' : h.secret}`);

describe('findValues: where a value is written', () => {
  it.each([
    ['a log line', `2026-01-02 GET /x Authorization: Bearer ${VALUE} 200`],
    ['JSON', `{"token":"${VALUE}","n":1}`],
    ['YAML', `api:\n  token: ${VALUE}\n`],
    ['YAML, quoted', `token: '${VALUE}'`],
    ['.env', `MPT_TOKEN=${VALUE}`],
    ['.env, quoted', `MPT_TOKEN="${VALUE}"`],
    ['a URL, percent-encoded', `https://x.example/cb?token=idt%3ATKN-0291-1452%3A${SECRET}&next=1`],
    ['a URL after an encoded quote', `q=%22idt%3ATKN-0291-1452%3A${SECRET}%22`],
    ['escaped JSON in JSON', `{"body":"{\\"token\\":\\"${VALUE}\\"}"}`],
    ['double-escaped', `"{\\\\\\"token\\\\\\":\\\\\\"${VALUE}\\\\\\"}"`],
    ['a JSON unicode escape', `{"t":"idt\\u003aTKN-0291-1452\\u003a${SECRET}"}`],
    ['after an escaped newline', `"line one\\n${VALUE}"`],
    ['after an escaped quote', `\\"${VALUE}\\"`],
    ['in backticks', `\`${VALUE}\``],
    ['at the very start and end', VALUE],
  ])('in %s', (_label, text) => {
    expect(ids(text)).toEqual(['TKN-0291-1452:S']);
  });

  it('finds every value, each with its own id and offset', () => {
    const other = 'B'.repeat(SECRET_LENGTH);
    const text = `a=${VALUE}\nb=idt:TKN-1111-2222:${other}`;
    const hits = findValues(text);
    expect(hits.map((h) => h.tokenId)).toEqual(['TKN-0291-1452', 'TKN-1111-2222']);
    expect(text.slice(hits[0]!.index, hits[0]!.end)).toBe(VALUE);
    expect(lineAt(text, hits[1]!.index)).toBe(2);
  });
});

describe('findValues: look-alikes are not values', () => {
  it.each([
    ['a bare token id', 'see TKN-1234-5678 for details'],
    ['an id with a colon', 'TKN-1234-5678:' + SECRET],
    ['a short secret', `idt:TKN-0291-1452:${SECRET.slice(0, 63)}`],
    ['a long secret (something else)', `idt:TKN-0291-1452:${SECRET}X`],
    ['a secret broken by a dash', `idt:TKN-0291-1452:${SECRET.slice(0, 30)}-${SECRET.slice(30)}`],
    ['a secret broken by a line break', `idt:TKN-0291-1452:${SECRET.slice(0, 30)}\n${SECRET.slice(30)}`],
    ['a malformed id', `idt:TKN-291-1452:${SECRET}`],
    ['a glued prefix', `xidt:TKN-0291-1452:${SECRET}`],
    ['a placeholder', 'idt:TKN-XXXX-XXXX:your_token_here'],
    ['the docs example form', 'idt:TKN-1234-5678:<letters and digits>'],
    ['an escaped backslash then n (a letter, glued)', `"\\\\n${VALUE}"`],
  ])('%s', (_label, text) => {
    expect(findValues(text)).toEqual([]);
  });

  it('never reports a value that is not in the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (noise) => {
        for (const hit of findValues(noise)) {
          expect(hit.secret).toMatch(/^[A-Za-z0-9]{64}$/);
          expect(noise.includes(hit.secret)).toBe(true);
        }
      }),
    );
  });

  it('finds a value between any non-word characters (property)', () => {
    const edge = fc.constantFrom(' ', '"', "'", '=', ':', '\n', '\t', ',', '(', ')', '[', ']', '{', '}', '<', '>', '/', '&', ';', '`');
    fc.assert(
      fc.property(edge, edge, fc.stringMatching(/^[A-Za-z0-9]{64}$/), (before, after, secret) => {
        const hits = findValues(`x${before}idt:TKN-1234-5678:${secret}${after}y`);
        expect(hits.map((h) => h.secret)).toEqual([secret]);
      }),
    );
  });
});

describe('findBareCandidates: older values only by length of what is stored', () => {
  it('returns runs of a stored length, outside idt values', () => {
    const text = `old=${SECRET} new=${VALUE} short=abc`;
    const values = findValues(text);
    const bare = findBareCandidates(text, new Set([SECRET_LENGTH]), values);
    expect(bare).toEqual([{ secret: SECRET, index: 4 }]);
  });
  it('finds nothing when nothing is stored', () => {
    expect(findBareCandidates(SECRET, new Set())).toEqual([]);
  });
  it('finds exactly the whole runs of a stored length, wherever they sit (property)', () => {
    // The plain definition, one regex match per maximal run, against the skipping search.
    const reference = (text: string, lengths: Set<number>) => [...text.matchAll(/[A-Za-z0-9]+/g)].filter((m) => lengths.has(m[0].length)).map((m) => ({ secret: m[0], index: m.index }));
    const piece = fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{0,12}$/), fc.constantFrom(' ', '-', '\n', '"', '=', 'é'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 3 }), (pieces, lens) => {
        const text = pieces.join('');
        const lengths = new Set(lens);
        expect(findBareCandidates(text, lengths)).toEqual(reference(text, lengths));
      }),
    );
  });
  it('a run at the very start or end of the text counts', () => {
    expect(findBareCandidates(`${SECRET}`, new Set([SECRET_LENGTH]))).toEqual([{ secret: SECRET, index: 0 }]);
    expect(findBareCandidates(`x ${SECRET}`, new Set([SECRET_LENGTH]))).toEqual([{ secret: SECRET, index: 2 }]);
    expect(findBareCandidates(`${SECRET}x`, new Set([SECRET_LENGTH]))).toEqual([]);
  });
});

describe('fingerprint and mask', () => {
  it('is the token id and a short hash prefix, never a piece of the secret', () => {
    const fp = fingerprint('TKN-0291-1452', SECRET);
    expect(fp).toMatch(/^TKN-0291-1452\/sha256:[0-9a-f]{12}$/);
    expect(fp).toBe(fingerprint('TKN-0291-1452', SECRET));
    expect(fingerprint('TKN-0291-1452', 'B'.repeat(64))).not.toBe(fp);
    expect(maskedValue('TKN-0291-1452')).not.toContain(SECRET.slice(0, 4));
  });
});
