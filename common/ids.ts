/**
 * Marketplace object ids, as the OpenAPI DTOs and the id examples write them. The one place
 * these patterns live: the contract, the vault, the forms and the API client import them.
 */
import { z } from 'zod';

const TOKEN_ID_SOURCE = 'TKN-\\d{4}-\\d{4}';

export const TOKEN_ID_PATTERN = new RegExp(`^${TOKEN_ID_SOURCE}$`);
export const MODULE_ID_PATTERN = /^MOD-\d{4}$/;
export const ACCOUNT_ID_PATTERN = /^ACC-\d{4}-\d{4}$/;

/** For patterns that embed a token id (the token value, see token-value.ts). */
export const TOKEN_ID_REGEX_SOURCE = TOKEN_ID_SOURCE;

export const TOKEN_ID_MESSAGE = 'Token ids look like TKN-1234-5678';
export const MODULE_ID_MESSAGE = 'Module ids look like MOD-1234';
export const ACCOUNT_ID_MESSAGE = 'Account ids look like ACC-1234-5678';

export const tokenIdSchema = z.string().regex(TOKEN_ID_PATTERN, TOKEN_ID_MESSAGE);
export const moduleIdSchema = z.string().regex(MODULE_ID_PATTERN, MODULE_ID_MESSAGE);
export const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, ACCOUNT_ID_MESSAGE);

/** Token Desk's own connection ids: crypto.randomUUID() (main/core/connections/service.ts). */
export const CONNECTION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const connectionIdSchema = z.string().regex(CONNECTION_ID_PATTERN, 'Not a connection id.');

export const isTokenId = (value: unknown): value is string => typeof value === 'string' && TOKEN_ID_PATTERN.test(value);
