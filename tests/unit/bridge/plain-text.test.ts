/** Names and free text refuse control characters and bidi overrides at the IPC boundary. */
import { describe, expect, it } from 'vitest';
import { calls } from '../../../common/contract';
import { hasUnsafeCharacters, PLAIN_TEXT_MESSAGE, unsafeAsSpaces } from '../../../common/plain-text';
import { tokenDescriptionSchema, tokenNameSchema } from '../../../common/token-fields';

describe('plain text', () => {
  it('refuses C0/C1 controls and bidi embedding/override/isolate controls; descriptions keep line breaks and tabs', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', 'a\u007fb', 'a\u0085b', 'abc\u202Efed', 'x\u2066y\u2069']) {
      expect(hasUnsafeCharacters(bad)).toBe(true);
      expect(hasUnsafeCharacters(bad, true)).toBe(true);
    }
    expect(hasUnsafeCharacters('line\nbreak')).toBe(true);
    expect(hasUnsafeCharacters('line\r\nbreak\tand tab', true)).toBe(false);
    expect(hasUnsafeCharacters('Zürich — 東京 — שלום')).toBe(false);
  });

  it('is applied where users type names and text', () => {
    expect(tokenNameSchema.safeParse('Billing \u202Eexe.txt').error?.issues[0]?.message).toBe(PLAIN_TEXT_MESSAGE);
    expect(tokenDescriptionSchema.safeParse('two\nlines').success).toBe(true);
    expect(tokenDescriptionSchema.safeParse('nul\u0000').success).toBe(false);
    expect(calls['connections.rename'].input.safeParse({ id: 'c1', name: 'Prod\u202E' }).success).toBe(false);
    expect(calls['connections.rename'].input.safeParse({ id: 'c1', name: 'Prod' }).success).toBe(true);
    expect(calls['tokens.findRecent'].input.safeParse({ name: 'a\u0007' }).success).toBe(false);
  });

  it('the leak check refuses unsafe text; a pasted log has its controls spaced out and keeps its lines', () => {
    const log = '\u001b[31mERROR\u001b[0m\tAuthorization: Bearer idt:TKN-1234-5678:abc\u202E\r\nnext';
    expect(calls['leaks.check'].input.safeParse({ text: log }).success).toBe(false);
    expect(calls['leaks.check'].input.safeParse({ text: '\u0000'.repeat(100_000) }).success).toBe(false);
    const spaced = unsafeAsSpaces(log);
    expect(spaced).toBe(' [31mERROR [0m\tAuthorization: Bearer idt:TKN-1234-5678:abc \r\nnext');
    expect(calls['leaks.check'].input.safeParse({ text: spaced }).success).toBe(true);
  });
});
