/**
 * Names and other free text a user types: no control characters and no bidirectional
 * embedding/override/isolate controls. The latter make text display differently from what it
 * is (the "Trojan Source" trick, CVE-2021-42574): a token named `‮lanif` would read as another
 * name in the table, the audit trail and the portal. One-line fields refuse line breaks too;
 * multi-line fields (descriptions) keep \n, \r and \t.
 */
import type { z } from 'zod';

const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_IN_LINE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`);
const UNSAFE_IN_TEXT_CLASS = `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`;
const UNSAFE_IN_TEXT = new RegExp(UNSAFE_IN_TEXT_CLASS);
const EVERY_UNSAFE_IN_TEXT = new RegExp(UNSAFE_IN_TEXT_CLASS, 'g');

export const PLAIN_TEXT_MESSAGE = 'Remove control characters and text-direction overrides: they can make text look different from what it is.';

export function hasUnsafeCharacters(text: string, multiline = false): boolean {
  return (multiline ? UNSAFE_IN_TEXT : UNSAFE_IN_LINE).test(text);
}

/** `schema` that also refuses unsafe characters (one line unless `multiline`). */
export function plainText<S extends z.ZodString>(schema: S, multiline = false): S {
  return schema.refine((text) => !hasUnsafeCharacters(text, multiline), PLAIN_TEXT_MESSAGE) as S;
}

/**
 * Multi-line text with each unsafe character made a space: for text the user brings rather than
 * types (a pasted log keeps its colour escapes), so it passes `plainText(…, true)` and no two
 * words are joined where a control stood.
 */
export function unsafeAsSpaces(text: string): string {
  return text.replace(EVERY_UNSAFE_IN_TEXT, ' ');
}
