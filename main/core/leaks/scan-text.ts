/**
 * One text's findings with their line numbers: the matcher's `idt:` values plus bare secrets
 * that are exactly one Token Desk stores (looked up by digest, so only stored ones count).
 * Shared by the pasted-text check (in main) and the folder scan (in its worker).
 */
import { findBareCandidates, findValues, lineAt, secretDigest } from './matcher';

/** The stored secrets' lengths and SHA-256 digests: what a bare run must be to count. */
export interface BareSecrets {
  lengths: ReadonlySet<number>;
  digests: ReadonlySet<string>;
}

export const NO_BARE: BareSecrets = { lengths: new Set(), digests: new Set() };

export interface TextHit {
  /** Null for a bare secret: main finds its token from the digest. */
  tokenId: string | null;
  secret: string;
  line: number;
}

export function scanText(text: string, bare: BareSecrets): TextHit[] {
  const values = findValues(text);
  const found: { tokenId: string | null; secret: string; index: number }[] = values.map((v) => ({ tokenId: v.tokenId, secret: v.secret, index: v.index }));
  for (const b of findBareCandidates(text, bare.lengths, values)) {
    if (bare.digests.has(secretDigest(b.secret))) found.push({ tokenId: null, secret: b.secret, index: b.index });
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.index - b.index);
  // Lines counted once, forward from the previous hit.
  let from = 0;
  let line = 1;
  return found.map((f) => {
    line = lineAt(text, f.index, from, line);
    from = f.index;
    return { tokenId: f.tokenId, secret: f.secret, line };
  });
}
