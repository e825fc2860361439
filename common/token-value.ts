/**
 * The API token value, `idt:<TKN-id>:<secret>` (marketplace-api.md §2.2): the one definition
 * that parsing (connections, Add value, who-am-I), masking (cache, views, logs), redaction and
 * the forms all use, so what one accepts the others can never miss.
 *
 * The secret's alphabet is `[A-Za-z0-9]`: the only real sample (§2.2, 64 characters) uses
 * exactly that, and the platform's docs write no other. A pasted `Bearer ` prefix (a copy from
 * an HTTP header) is accepted everywhere and dropped: it is never part of the value.
 */
import { TOKEN_ID_REGEX_SOURCE } from './id-patterns';

const SECRET_SOURCE = '[A-Za-z0-9]+';
const VALUE_SOURCE = `idt:(${TOKEN_ID_REGEX_SOURCE}):(${SECRET_SOURCE})`;
const WHOLE_VALUE = new RegExp(`^${VALUE_SOURCE}$`);
const ANY_VALUE = new RegExp(VALUE_SOURCE);
const EVERY_VALUE = new RegExp(VALUE_SOURCE, 'g');
/** Older tokens had no `idt:TKN-…:` prefix: a bare alphanumeric secret (§2.2, S7). */
const LEGACY_SECRET = /^[A-Za-z0-9]{20,}$/;
const BEARER_PREFIX = /^bearer\s+/i;
/** The start of a value, or a long run that could be a bare secret: never written to settings. */
const SECRET_LIKE = /idt:TKN-|[A-Za-z0-9]{40,}/;

/** Longest value a form or the IPC boundary accepts: far above a real one (about 83 characters). */
export const TOKEN_VALUE_MAX = 512;
export const REDACTED_TOKEN_VALUE = '[redacted token value]';

// The examples in these messages never form a whole value: every reply masks whole values (main/core/dispatch.ts).
export const TOKEN_VALUE_MESSAGES = {
  empty: 'Paste the API token value (it starts with idt:TKN-).',
  legacy:
    'This looks like an older token without the idt:TKN-… prefix. Token Desk needs the full value, e.g. idt:TKN-1234-5678:<letters and digits>; create a new API token in the Marketplace portal (Settings > API tokens) and paste its value.',
  tokenId: 'That is a token id, not its value. Paste the full value, which looks like idt:TKN-1234-5678:<letters and digits>',
  whitespace: 'The token value must not contain spaces or line breaks. Paste it again, on one line.',
  tooLong: 'That is far longer than an API token.',
  invalid: 'This is not a valid API token value. It looks like idt:TKN-1234-5678: followed by letters and digits.',
  otherToken: (actual: string, expected: string) => `This value belongs to ${actual}, not ${expected}.`,
} as const;

export interface ParsedTokenValue {
  /** The value as it must be stored and sent (trimmed, without a `Bearer ` prefix). */
  value: string;
  tokenId: string;
  secret: string;
}

export type TokenValueCheck = ({ ok: true } & ParsedTokenValue) | { ok: false; problem: string };

/**
 * Reads a pasted value. `expectedTokenId`, when given, must be the value's own id.
 * Never echoes the input in a problem: a secret pasted into the wrong place stays out of messages.
 */
export function checkTokenValue(raw: unknown, expectedTokenId?: string): TokenValueCheck {
  const value = (typeof raw === 'string' ? raw : '').trim().replace(BEARER_PREFIX, '');
  const fail = (problem: string): TokenValueCheck => ({ ok: false, problem });
  if (!value) return fail(TOKEN_VALUE_MESSAGES.empty);
  if (value.length > TOKEN_VALUE_MAX) return fail(TOKEN_VALUE_MESSAGES.tooLong);
  const m = WHOLE_VALUE.exec(value);
  if (m) {
    const tokenId = m[1]!;
    if (expectedTokenId !== undefined && tokenId !== expectedTokenId) return fail(TOKEN_VALUE_MESSAGES.otherToken(tokenId, expectedTokenId));
    return { ok: true, value, tokenId, secret: m[2]! };
  }
  if (LEGACY_SECRET.test(value)) return fail(TOKEN_VALUE_MESSAGES.legacy);
  if (new RegExp(`^${TOKEN_ID_REGEX_SOURCE}$`).test(value)) return fail(TOKEN_VALUE_MESSAGES.tokenId);
  // A real value broken across lines or by a space; other text gets the format hint.
  if (value.startsWith('idt:') && /\s/.test(value)) return fail(TOKEN_VALUE_MESSAGES.whitespace);
  return fail(TOKEN_VALUE_MESSAGES.invalid);
}

/** `text` with every token value in it replaced by a marker. */
export function maskTokenValues(text: string): string {
  return ANY_VALUE.test(text) ? text.replace(EVERY_VALUE, REDACTED_TOKEN_VALUE) : text;
}

/** Looser than a value: the start of one, or a long bare run. For free text that must not be persisted. */
export function looksLikeSecret(text: string): boolean {
  return SECRET_LIKE.test(text);
}

/** The token id inside a value (`idt:TKN-1234-5678:…` → `TKN-1234-5678`), or undefined. */
export function tokenIdOfValue(value: string): string | undefined {
  const check = checkTokenValue(value);
  return check.ok ? check.tokenId : undefined;
}
