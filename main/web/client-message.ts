/**
 * The host's check of what a page sends (common/web-protocol.ts names the shape): the page
 * is not trusted, so every frame passes this schema before anything reads it.
 */
import { z } from 'zod';
import { clipboardOutcomes, type ClientMessage } from '../../common/web-protocol';

export const clientMessageSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('invoke'),
      id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      channel: z.string().max(200),
      input: z.unknown(),
    })
    .strict(),
  z
    .object({
      type: z.literal('clipboardReport'),
      seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
      outcome: z.enum(clipboardOutcomes),
      late: z.boolean(),
    })
    .strict(),
]);

// The schema and the page's type must say the same: a change to one without the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesType: Same<z.infer<typeof clientMessageSchema>, ClientMessage> = true;
