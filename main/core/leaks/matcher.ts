/**
 * Finds Marketplace token values in any text: logs, chat, `.env` files, JSON, YAML, URLs.
 *
 * A value is `idt:<TKN-id>:<secret>` (common/token-value.ts). The secret is 64 characters of
 * `[A-Za-z0-9]` (marketplace-api.md §2.2, and what the sandbox issues); a shorter or longer run
 * is a broken copy or something else, and reporting it would send an administrator after a
 * token that was never leaked. The two colons may be written as `%3A` (a URL) or `\u003a`
 * (escaped JSON); quotes, backslashes and percent-escapes around a value are boundaries.
 *
 * Pure and synchronous: the folder scan runs it in a worker, the pasted-text check in main.
 */
import { createHash } from 'node:crypto';

export const SECRET_LENGTH = 64;

const SEP = String.raw`(?::|%3[aA]|\\u003[aA])`;
// Starts with the literal `idt` so the engine can skip ahead fast; the left boundary is checked by hand.
const VALUE = new RegExp(String.raw`idt${SEP}(TKN-\d{4}-\d{4})${SEP}([A-Za-z0-9]{${SECRET_LENGTH}})(?![A-Za-z0-9])`, 'g');
const ALNUM = /[A-Za-z0-9]/;
const HEX = /[0-9A-Fa-f]/;

export interface ValueHit {
  tokenId: string;
  secret: string;
  /** Offset of the value's first character in the text. */
  index: number;
  end: number;
}

/** A bare secret (an older value, no `idt:` prefix) matched against one Token Desk stores. */
export interface BareHit {
  secret: string;
  index: number;
}

/**
 * True when the character before `index` ends a word boundary: not a letter or digit, or a
 * digit/letter that closes an escape (`%22`, `\u0022`, `\n`), as in `%22idt%3A…`.
 */
function startsClean(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1]!;
  if (!ALNUM.test(before)) return true;
  if (index >= 3 && text[index - 3] === '%' && HEX.test(text[index - 2]!) && HEX.test(before)) return true;
  if (index >= 6 && text[index - 6] === '\\' && text[index - 5] === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(index - 4, index))) return true;
  return index >= 2 && text[index - 2] === '\\' && /[nrt]/.test(before) && !isEscapedBackslash(text, index - 2);
}

/** Whether the backslash at `at` is itself escaped (`\\n` is a backslash and an `n`, not a newline). */
function isEscapedBackslash(text: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Every whole token value in `text`, in order. */
export function findValues(text: string): ValueHit[] {
  // Most files hold no value at all: one indexOf is far cheaper than the regex.
  if (text.indexOf('TKN-') === -1) return [];
  const hits: ValueHit[] = [];
  VALUE.lastIndex = 0;
  for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
    if (!startsClean(text, m.index)) continue;
    hits.push({ tokenId: m[1]!, secret: m[2]!, index: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** `[A-Za-z0-9]` by character code: the characters of a secret. */
const WORD = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') WORD[c.charCodeAt(0)] = 1;
const isWord = (code: number) => code < 128 && WORD[code] === 1;

/**
 * Bare runs of `[A-Za-z0-9]` whose length is one of `lengths` (the stored secrets' lengths),
 * outside the `idt:` values already found. Only these are hashed and compared.
 *
 * Ordinary text is mostly short words, so this looks at one character in every `min`: a run
 * long enough to count must cover the character `min - 1` past the point where the last run
 * or gap ended. Only when that character is a letter or digit is its run measured. (A regex
 * for long runs retries at every character of every short word: far slower on a log.)
 */
export function findBareCandidates(text: string, lengths: ReadonlySet<number>, skip: readonly ValueHit[] = []): BareHit[] {
  if (lengths.size === 0) return [];
  const min = Math.min(...lengths);
  const out: BareHit[] = [];
  const n = text.length;
  // Invariant: no run of `min` or more starts before `from` unreported, and the character before `from` is not part of a run.
  let from = 0;
  while (from + min <= n) {
    const probe = from + min - 1;
    if (!isWord(text.charCodeAt(probe))) {
      from = probe + 1;
      continue;
    }
    let start = probe;
    while (start > from && isWord(text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < n && isWord(text.charCodeAt(end))) end++;
    if (lengths.has(end - start) && !skip.some((h) => start >= h.index && start < h.end)) out.push({ secret: text.slice(start, end), index: start });
    from = end + 1;
  }
  return out;
}

/** Hex SHA-256 of a secret: the key bare secrets are looked up by, and the fingerprint's source. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The one fingerprint of a found value: its token id and a short SHA-256 prefix of the secret.
 * Enough to tell two values of one token apart in a report, far too short to test guesses of a
 * 64-character secret against.
 */
export function fingerprint(tokenId: string | null, secret: string): string {
  return `${tokenId ?? 'no-id'}/sha256:${secretDigest(secret).slice(0, 12)}`;
}

/** What the page may show of a value: its id and that a secret follows, never a character of it. */
export function maskedValue(tokenId: string | null): string {
  return tokenId ? `idt:${tokenId}:••••••••` : '••••••••';
}

/** 1-based line number of `index`, counting `\n` from `from` (with `line` there). */
export function lineAt(text: string, index: number, from = 0, line = 1): number {
  let n = line;
  for (let i = text.indexOf('\n', from); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
