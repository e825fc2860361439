/**
 * What the offline audit cache keeps in each connection's index store (cache.ts): the list of
 * chunk files in order, newest first, and what is known to be complete. The index is the commit
 * point of every change, so anything that does not parse as this shape counts as an empty cache.
 */
import { z } from 'zod';
import type { AuditEntry } from '../../../common/audit-log';

const accountCoverageSchema = z.object({
  /** Every API-token record of the account up to `newest` is cached (within the cap). */
  complete: z.boolean(),
  newest: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  /** The account has more records than the cap: the oldest are not kept offline. */
  capped: z.boolean(),
});
export type AccountCoverage = z.infer<typeof accountCoverageSchema>;

const tokenCoverageSchema = z.object({
  /** The token's whole trail is cached (else: a newest-first prefix of it). */
  complete: z.boolean(),
  fetchedAt: z.string(),
});
export type TokenCoverage = z.infer<typeof tokenCoverageSchema>;

const indexSchema = z.object({
  version: z.literal(1),
  gen: z.number().int().min(0),
  chunks: z.array(z.object({ file: z.string().regex(/^c\d+-\d+$/), count: z.number().int().min(0) })),
  account: accountCoverageSchema,
  tokens: z.record(z.string(), tokenCoverageSchema),
});
export type AuditIndex = z.infer<typeof indexSchema>;

export const NO_ACCOUNT_COVERAGE: AccountCoverage = { complete: false, newest: null, fetchedAt: null, capped: false };

export const emptyIndex = (): AuditIndex => ({ version: 1, gen: 0, chunks: [], account: { ...NO_ACCOUNT_COVERAGE }, tokens: {} });

/** The stored index, or an empty one when it is missing or damaged (the API rebuilds the cache). */
export function readIndex(raw: unknown): AuditIndex {
  const parsed = indexSchema.safeParse(raw);
  return parsed.success ? parsed.data : emptyIndex();
}

/** One chunk file of a connection's entries, newest first. */
export interface Chunk {
  file: string;
  /** null until read from disk (the first page of the log needs only the newest chunk). */
  entries: AuditEntry[] | null;
  count: number;
}

/** Connection ids become folder names: keep them to a safe alphabet. */
export const dirOf = (connectionId: string) => `audit-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
