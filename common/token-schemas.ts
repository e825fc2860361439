/**
 * The token shapes the contract carries (common/contract.ts re-exports them): the renderer's view
 * of a token (never its secret), the create and edit inputs, and the results of create and bulk.
 */
import { z } from 'zod';
import { apiTokenSchema } from './domain';
import { tokenIdSchema } from './ids';
import { iconUploadSchema, tokenDescriptionSchema, tokenModuleIdsSchema, tokenNameSchema } from './token-fields';

/** A token as the renderer sees it: never the secret; whether a value is in the keychain. */
export const tokenViewSchema = apiTokenSchema.omit({ token: true }).extend({
  hasValue: z.boolean(),
  /** Rotation links kept by Token Desk (the API has no rotation). */
  replacedBy: z.string().optional(),
  replaces: z.string().optional(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const tokenEditSchema = z
  .object({
    id: tokenIdSchema,
    name: tokenNameSchema,
    description: tokenDescriptionSchema,
    moduleIds: tokenModuleIdsSchema,
    revision: z.number().int().positive().optional(),
    /** undefined: keep the logo; null: remove it; an upload: replace it. */
    icon: iconUploadSchema.nullable().optional(),
  })
  .strict();

export const tokenCreateSchema = z
  .object({
    name: tokenNameSchema,
    description: tokenDescriptionSchema,
    moduleIds: tokenModuleIdsSchema,
    icon: iconUploadSchema.optional(),
  })
  .strict();

export const createResultSchema = z.object({
  token: tokenViewSchema,
  /** The value, shown once in the wizard's summary (the API returns it only now). */
  value: z.string(),
  /** False when the keychain write failed: the summary must keep the value on screen. */
  stored: z.boolean(),
  keychainError: z.string().optional(),
});

/**
 * How one token of a bulk action ended, beyond `ok`: `unchanged` (ok, it already was in the
 * state asked for, or already gone), `skipped` (not ok, left alone on purpose: the connection
 * signs in with it). Absent: changed when ok, failed when not.
 */
export const bulkOutcomeSchema = z.enum(['unchanged', 'skipped']);
export type BulkOutcome = z.infer<typeof bulkOutcomeSchema>;

export const bulkResultSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), ok: z.boolean(), outcome: bulkOutcomeSchema.optional(), message: z.string().optional(), token: tokenViewSchema.optional() }),
  ),
});

