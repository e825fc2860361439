/** The zod schemas of the error data (common/errors.ts) and the offline state (common/messages.ts), for code that checks their shape at runtime. */
import { z } from 'zod';
import { deskErrorCodes } from './errors';
import type { DeskErrorData } from './errors';
import type { OfflineState } from './messages';

export const deskErrorDataSchema = z.object({
  code: z.enum(deskErrorCodes),
  message: z.string(),
  status: z.number().int().optional(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  traceId: z.string().optional(),
});

/** The offline state of a read answered from what is saved (common/messages.ts). */
export const offlineStateSchema = z.object({
  since: z.iso.datetime({ offset: true }),
  reason: z.enum(['offline', 'timeout']),
});

// Each schema and its interface say the same thing, both ways (a compile error if one of them drifts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: [Same<z.infer<typeof deskErrorDataSchema>, DeskErrorData>, Same<z.infer<typeof offlineStateSchema>, OfflineState>] = [true, true];
void same;
