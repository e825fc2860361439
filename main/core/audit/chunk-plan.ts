/**
 * Where a commit's new entries go (cache.ts writes the plan): each lands in the chunk whose time
 * range holds it, so a refresh that adds a few records changes only the newest chunk; a chunk
 * grown past twice its size is split; the oldest entries beyond the cap are dropped. Unchanged
 * chunks are reused as they are (same file), changed ones get new file names of the next
 * generation, which is what makes the commit copy-on-write.
 */
import { compareEntries, type AuditEntry } from '../../../common/audit-log';
import type { AccountCoverage, AuditIndex, Chunk, TokenCoverage } from './cache-index';

export interface AuditChange {
  add: readonly AuditEntry[];
  account?: AccountCoverage;
  tokens?: Record<string, TokenCoverage>;
}

export interface ChunkPlan {
  index: AuditIndex;
  chunks: Chunk[];
  /** The chunks to write (new files); every other chunk keeps its file. */
  changed: Set<Chunk>;
  /** Entries the cap pushed out, oldest last. */
  dropped: AuditEntry[];
}

interface Limits {
  chunkSize: number;
  cap: number;
}

/** Plans a commit of `fresh` (new, deduplicated entries) over the current chunks. */
export async function planChunks(
  index: AuditIndex,
  current: readonly Chunk[],
  fresh: AuditEntry[],
  change: AuditChange,
  limits: Limits,
  entriesOf: (chunk: Chunk) => Promise<AuditEntry[]>,
): Promise<ChunkPlan> {
  fresh.sort(compareEntries);
  const chunks: Chunk[] = [];
  const changed = new Set<Chunk>();
  const place = (part: AuditEntry[]) => {
    const next: Chunk = { file: '', entries: part, count: part.length };
    chunks.push(next);
    changed.add(next);
  };
  let f = 0;
  for (let i = 0; i < current.length; i++) {
    const chunk = current[i] as Chunk;
    const entries = await entriesOf(chunk);
    const last = i === current.length - 1;
    const oldest = entries[entries.length - 1];
    // The entries that belong here: newer than (or as new as) this chunk's oldest, or all that is left for the last chunk.
    const mine: AuditEntry[] = [];
    while (f < fresh.length && (last || !oldest || compareEntries(fresh[f] as AuditEntry, oldest) <= 0)) mine.push(fresh[f++] as AuditEntry);
    if (mine.length === 0) {
      chunks.push(chunk);
      continue;
    }
    const merged = mergeSorted(entries, mine);
    // Split only an oversized chunk; a chunk up to twice the size stays whole (fewer files to rewrite).
    if (merged.length <= limits.chunkSize * 2) place(merged);
    else for (let start = 0; start < merged.length; start += limits.chunkSize) place(merged.slice(start, start + limits.chunkSize));
  }
  if (current.length === 0) {
    for (let start = 0; start < fresh.length; start += limits.chunkSize) place(fresh.slice(start, start + limits.chunkSize));
  }

  const account = change.account ?? index.account;
  const tokens = change.tokens ? { ...index.tokens, ...change.tokens } : index.tokens;
  const { capped, dropped } = await applyCap(chunks, changed, limits.cap, entriesOf);

  const gen = index.gen + 1;
  let n = 0;
  for (const chunk of chunks) if (changed.has(chunk)) chunk.file = `c${gen}-${n++}`;
  return {
    index: {
      version: 1,
      gen,
      chunks: chunks.map((c) => ({ file: c.file, count: c.count })),
      account: { ...account, capped: capped || account.capped },
      tokens: dropped.length > 0 ? incompleteFor(tokens, dropped) : tokens,
    },
    chunks,
    changed,
    dropped,
  };
}

/** Drops the oldest entries (from the end) until the chunks hold at most `cap`. */
async function applyCap(chunks: Chunk[], changed: Set<Chunk>, cap: number, entriesOf: (chunk: Chunk) => Promise<AuditEntry[]>): Promise<{ capped: boolean; dropped: AuditEntry[] }> {
  let total = chunks.reduce((n, c) => n + c.count, 0);
  const dropped: AuditEntry[] = [];
  let capped = false;
  while (total > cap) {
    const tail = chunks[chunks.length - 1] as Chunk;
    const over = total - cap;
    const entries = await entriesOf(tail);
    capped = true;
    changed.delete(tail);
    if (over >= tail.count) {
      chunks.pop();
      dropped.push(...entries);
      total -= tail.count;
    } else {
      const kept = entries.slice(0, tail.count - over);
      dropped.push(...entries.slice(tail.count - over));
      const next: Chunk = { file: '', entries: kept, count: kept.length };
      chunks[chunks.length - 1] = next;
      changed.add(next);
      total -= over;
    }
  }
  return { capped, dropped };
}

/** Tokens that lost entries to the cap no longer have their whole trail offline. */
function incompleteFor(tokens: Record<string, TokenCoverage>, dropped: readonly AuditEntry[]): Record<string, TokenCoverage> {
  const hit = new Set(dropped.map((e) => e.token.id));
  const out: Record<string, TokenCoverage> = {};
  for (const [id, c] of Object.entries(tokens)) out[id] = hit.has(id) ? { ...c, complete: false } : c;
  return out;
}

function mergeSorted(a: readonly AuditEntry[], b: readonly AuditEntry[]): AuditEntry[] {
  const out: AuditEntry[] = new Array<AuditEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareEntries(a[i] as AuditEntry, b[j] as AuditEntry) <= 0 ? (a[i++] as AuditEntry) : (b[j++] as AuditEntry);
  while (i < a.length) out[k++] = a[i++] as AuditEntry;
  while (j < b.length) out[k++] = b[j++] as AuditEntry;
  return out;
}
