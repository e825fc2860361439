/** The zod schema of DeskErrorData (common/errors.ts), for code that checks an error's shape at runtime. */
import { z } from 'zod';
import { deskErrorCodes } from './errors';
import type { DeskErrorData } from './errors';

export const deskErrorDataSchema = z.object({
  code: z.enum(deskErrorCodes),
  message: z.string(),
  status: z.number().int().optional(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  traceId: z.string().optional(),
});

// The schema and the interface say the same thing, both ways (a compile error if one of them drifts).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.infer<typeof deskErrorDataSchema>, DeskErrorData> = true;
void same;
