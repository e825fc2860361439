/**
 * Marketplace object ids, as the OpenAPI DTOs and the id examples write them: the one place
 * these patterns live. Plain rules, no schema library, so the page can test an address without
 * loading the contract's schemas (ids.ts builds those from these).
 */
const TOKEN_ID_SOURCE = 'TKN-\\d{4}-\\d{4}';

export const TOKEN_ID_PATTERN = new RegExp(`^${TOKEN_ID_SOURCE}$`);
export const MODULE_ID_PATTERN = /^MOD-\d{4}$/;
export const ACCOUNT_ID_PATTERN = /^ACC-\d{4}-\d{4}$/;

/** For patterns that embed a token id (the token value, see token-value.ts). */
export const TOKEN_ID_REGEX_SOURCE = TOKEN_ID_SOURCE;

export const TOKEN_ID_MESSAGE = 'Token ids look like TKN-1234-5678';
export const MODULE_ID_MESSAGE = 'Module ids look like MOD-1234';
export const ACCOUNT_ID_MESSAGE = 'Account ids look like ACC-1234-5678';

/** Token Desk's own connection ids: crypto.randomUUID() (main/core/connections/service.ts). */
export const CONNECTION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isTokenId = (value: unknown): value is string => typeof value === 'string' && TOKEN_ID_PATTERN.test(value);
