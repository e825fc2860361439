/**
 * The leak check's data as it crosses the bridge (common/contract.ts's `leaks.*` calls). Never a
 * value: a finding carries the token id, a masked form and its fingerprint (token id + a short
 * SHA-256 prefix of the secret); main keeps the value itself in memory to verify or disable.
 */
import { z } from 'zod';
import { tokenStatusSchema } from './domain';

export const LEAK_GROUPS = ['live', 'disabledOrDeleted', 'unknown'] as const;
export type LeakGroup = (typeof LEAK_GROUPS)[number];

export const VERIFY_OUTCOMES = ['live', 'disabled', 'unknown'] as const;

/** Longest pasted text the check takes (a long log, far below a WebSocket frame's limit). */
export const LEAK_TEXT_MAX = 5 * 1024 * 1024;
export const LEAK_FOLDERS_MAX = 20;

export const fingerprintSchema = z.string().regex(/^(TKN-\d{4}-\d{4}|no-id)\/sha256:[0-9a-f]{12}$/, 'Not a leak fingerprint.');

export const leakPlaceSchema = z.object({
  /** null: the pasted text. */
  path: z.string().nullable(),
  line: z.number().int().positive(),
});

export const leakHolderSchema = z.object({
  connectionId: z.string(),
  connectionName: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  /** The connection the app is on: its token table shows this token. */
  active: z.boolean(),
  /** Whether the value found is the one Token Desk keeps for this token (compared in main). */
  kept: z.boolean(),
});

export const leakTokenSchema = z.object({
  name: z.string(),
  status: tokenStatusSchema,
  lastAccessAt: z.string().nullable(),
  /** `accessManagement`: the module that lets a token create tokens (a leak of it is the worst). */
  modules: z.array(z.object({ id: z.string(), name: z.string(), accessManagement: z.boolean() })),
});

export const leakFindingSchema = z.object({
  fingerprint: fingerprintSchema,
  tokenId: z.string().nullable(),
  masked: z.string(),
  /** Found as a bare secret (an older value without the `idt:TKN-…:` prefix). */
  bare: z.boolean(),
  places: z.array(leakPlaceSchema),
  /** As the connection's token list knows it; null when no connected account holds it. */
  token: leakTokenSchema.nullable(),
  holders: z.array(leakHolderSchema),
  verified: z.enum(VERIFY_OUTCOMES).optional(),
  group: z.enum(LEAK_GROUPS),
});
export type LeakFinding = z.infer<typeof leakFindingSchema>;

export const leakCheckResultSchema = z.object({ findings: z.array(leakFindingSchema) });

export const scanCountsSchema = z.object({
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  found: z.number().int().nonnegative(),
  skipped: z.object({
    unreadable: z.number().int(),
    outside: z.number().int(),
    special: z.number().int(),
    tooLarge: z.number().int(),
    binary: z.number().int(),
  }),
});
export type ScanCountsView = z.infer<typeof scanCountsSchema>;

export const leakScanResultSchema = leakCheckResultSchema.extend({
  folders: z.array(z.string()),
  counts: scanCountsSchema,
  cancelled: z.boolean(),
  folderErrors: z.array(z.object({ folder: z.string(), message: z.string() })),
});
export type LeakScanResult = z.infer<typeof leakScanResultSchema>;

export const leakScanInputSchema = z
  .object({
    folders: z.array(z.string().min(1).max(4096)).min(1, 'Choose a folder to scan.').max(LEAK_FOLDERS_MAX),
    /** Re-scan: replace only these folders' findings, keep the others'. */
    rescan: z.boolean().optional(),
  })
  .strict();

export const leakReportInputSchema = z.object({ format: z.enum(['markdown', 'csv']), scope: z.enum(['text', 'scan']) }).strict();
export const leakReportSchema = z.object({ text: z.string(), fileName: z.string() });
