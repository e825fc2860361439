/**
 * The schemas of saved connections as the contract (common/contract.ts) carries them: a profile,
 * the list with its active one, a restore's outcome, start-up notices and keychain leftovers.
 * The contract re-exports them; callers import them from there.
 */
import { z } from 'zod';
import { accountTypeSchema } from './domain';

/** A saved connection. Never holds a secret: the admin token lives in the keychain. */
export const connectionProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  baseUrl: z.string().min(1),
  account: z.object({ id: z.string(), name: z.string(), type: accountTypeSchema }),
  adminTokenId: z.string(),
  sandbox: z.boolean().optional(),
  /** Set by main, never saved: this in-app sandbox's secrets are in memory for this run, never in the keychain. */
  secretsInMemory: z.boolean().optional(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
});
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;

export const connectionsStateSchema = z.object({
  connections: z.array(connectionProfileSchema),
  activeId: z.string().nullable(),
});
export type ConnectionsState = z.infer<typeof connectionsStateSchema>;

export const restoreResultSchema = z.object({
  state: connectionsStateSchema,
  /** ok: verified; needs_token: the API rejected the stored credential (re-enter it);
   *  offline: could not reach the API (cached data is shown); none: no saved connection. */
  status: z.enum(['ok', 'needs_token', 'offline', 'none']),
  message: z.string().optional(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** A damaged file moved aside at start-up (or later): what happened and where the copy is. */
export const startupNoticeSchema = z.object({
  /** rotation: a connection's rotation plans (main/core/rotation/plan-store.ts); digest: when the weekly digest last fired (main/core/digest/store.ts). */
  file: z.enum(['settings', 'cache', 'rotation', 'digest']),
  path: z.string(),
  movedTo: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type StartupNotice = z.infer<typeof startupNoticeSchema>;

/** A connection whose admin token is still in the keychain but has no profile (settings lost). */
/** `baseUrl`: the address the admin token was saved for, when the keychain holds it (the only one a restore sends it to). */
export const recoverableConnectionSchema = z.object({ id: z.string(), adminTokenId: z.string(), baseUrl: z.string().optional() });
export type RecoverableConnection = z.infer<typeof recoverableConnectionSchema>;
