/**
 * Domain types of the Marketplace objects Token Desk works with.
 *
 * - Response objects are LOOSE (`z.looseObject`): the API adds fields over time (v5 added
 *   `revision`, `extensions`, `settings.eligibility`…) and an unknown field must never
 *   make a whole token list unreadable. Unknown fields are kept, not stripped.
 * - Everything is plain JSON data (dates are ISO-8601 strings, never `Date`), because the
 *   same schemas travel through the IPC contract and the browser host's WebSocket.
 *   The one exception is `CreateTokenInput.icon.bytes` (a Uint8Array, which Electron's
 *   structured clone carries as is).
 */
import { z } from 'zod';
import { accountIdSchema } from './ids';
import { tokenDescriptionSchema, tokenModuleIdsSchema, tokenNameSchema } from './token-fields';
import { TOKEN_STATUSES } from './token-table';

export const accountTypeSchema = z.enum(['Client', 'Vendor', 'Operations']);
export type AccountType = z.infer<typeof accountTypeSchema>;

export const tokenStatusSchema = z.enum(TOKEN_STATUSES);
export type TokenStatus = z.infer<typeof tokenStatusSchema>;

/** ISO-8601 date-time as the API sends it (kept as a string on purpose). */
const isoDateTime = z.string();

/** `by` in an audit event: a user (USR-…) or a token (TKN-…). */
export const identityRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  icon: z.string().nullable().optional(),
});
export type IdentityRef = z.infer<typeof identityRefSchema>;

export const accountRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  icon: z.string().nullable().optional(),
  type: accountTypeSchema.nullable().optional(),
  // Enabled | Active | Disabled (+ hidden New): kept as a string so a new value cannot break parsing.
  status: z.string().nullable().optional(),
});

export const moduleSettingsSchema = z.looseObject({
  sharedAccount: z.boolean().optional(),
  configurable: z.boolean().optional(),
  default: z.boolean().optional(),
  paid: z.boolean().optional(),
  type: z.array(z.string()).optional(),
  obsolete: z.boolean().optional(),
});

/** A module as embedded in a token (`ModuleRef`). */
export const moduleRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  filters: z.record(z.string(), z.array(z.string())).nullable().optional(),
  settings: moduleSettingsSchema.nullable().optional(),
});
export type ModuleRef = z.infer<typeof moduleRefSchema>;

export const auditEventSchema = z.looseObject({
  at: isoDateTime.nullable().optional(),
  by: identityRefSchema.nullable().optional(),
});

/** Embedded `audit` object: only the latest occurrence of each event; keys absent until it happened. */
export const objectAuditSchema = z.looseObject({
  created: auditEventSchema.nullable().optional(),
  updated: auditEventSchema.nullable().optional(),
});

/** A module from `/accounts/modules` (full object). */
export const moduleSchema = moduleRefSchema.extend({
  code: z.string().optional(),
  accountTypes: z.array(z.string()).optional(),
  audit: objectAuditSchema.optional(),
  revision: z.number().int().optional(),
});
export type Module = z.infer<typeof moduleSchema>;

export const apiTokenSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  icon: z.string().nullable().optional(),
  status: tokenStatusSchema,
  lastAccessAt: isoDateTime.nullable().optional(),
  account: accountRefSchema,
  // `select` can omit modules from a list; an absent list is read as "none shown".
  modules: z.array(moduleRefSchema).default([]),
  audit: objectAuditSchema.optional(),
  revision: z.number().int().optional(),
  extensions: z.array(z.looseObject({ id: z.string() })).nullable().optional(),
  /** The secret value `idt:TKN-…:…`. v5 returns it only in the create (201) response. */
  token: z.string().optional(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const auditRecordSchema = z.looseObject({
  id: z.string(),
  event: z.string().optional(),
  summary: z.string().nullable().optional(),
  details: z.string().nullable().optional(),
  object: z
    .looseObject({
      id: z.string(),
      name: z.string().nullable().optional(),
      icon: z.string().nullable().optional(),
      objectType: z.string().optional(),
    })
    .optional(),
  timestamp: isoDateTime,
  actor: z
    .looseObject({
      id: z.string().optional(),
      name: z.string().nullable().optional(),
      icon: z.string().nullable().optional(),
      account: z
        .looseObject({
          id: z.string().optional(),
          name: z.string().nullable().optional(),
          icon: z.string().nullable().optional(),
          accountType: z.string().optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  type: z.string().optional(),
  request: z.record(z.string(), z.unknown()).nullable().optional(),
  documents: z.record(z.string(), z.unknown()).nullable().optional(),
  viewers: z.array(z.looseObject({ id: z.string() })).nullable().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** One page of a list, flattened from the API envelope `{ $meta.pagination, data }`. */
export interface ListPage<T> {
  items: T[];
  /** Total matching items on the server; equals the items seen when the API did not say. */
  total: number;
  offset: number;
  limit: number;
}

// ---- inputs ---------------------------------------------------------------------------------

export const tokenIconInputSchema = z.object({
  fileName: z.string().min(1),
  mimeType: z.string().regex(/^image\/[\w.+-]+$/, 'The logo must be an image'),
  bytes: z.instanceof(Uint8Array),
});
export type TokenIconInput = z.infer<typeof tokenIconInputSchema>;

export const createTokenInputSchema = z.object({
  name: tokenNameSchema,
  description: tokenDescriptionSchema.optional(),
  moduleIds: tokenModuleIdsSchema,
  icon: tokenIconInputSchema.optional(),
  /** Operations accounts create tokens for other accounts; others leave it out (own account). */
  accountId: accountIdSchema.optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInputSchema>;

export const updateTokenInputSchema = z.object({
  name: tokenNameSchema,
  description: tokenDescriptionSchema.nullable(),
  moduleIds: tokenModuleIdsSchema,
  /** The revision the edit was based on (v5); sent so the server can refuse a stale edit. */
  revision: z.number().int().positive().optional(),
  /** Logo change: absent = keep the current logo, null = remove it, a file = replace it. */
  icon: tokenIconInputSchema.nullable().optional(),
});
export type UpdateTokenInput = z.infer<typeof updateTokenInputSchema>;

/** Who the configured API token is, discovered through GET /accounts/api-tokens/{TKN}. */
export const whoAmISchema = z.object({
  tokenId: z.string(),
  tokenName: z.string(),
  tokenStatus: tokenStatusSchema,
  account: z.object({
    id: z.string(),
    name: z.string(),
    type: accountTypeSchema,
  }),
});
export type WhoAmI = z.infer<typeof whoAmISchema>;
