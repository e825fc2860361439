/**
 * The id schemas of the contract, the forms and the API client, built from the patterns in
 * id-patterns.ts.
 */
import { z } from 'zod';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN, CONNECTION_ID_PATTERN, MODULE_ID_MESSAGE, MODULE_ID_PATTERN, TOKEN_ID_MESSAGE, TOKEN_ID_PATTERN } from './id-patterns';

export const tokenIdSchema = z.string().regex(TOKEN_ID_PATTERN, TOKEN_ID_MESSAGE);
export const moduleIdSchema = z.string().regex(MODULE_ID_PATTERN, MODULE_ID_MESSAGE);
export const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, ACCOUNT_ID_MESSAGE);
export const connectionIdSchema = z.string().regex(CONNECTION_ID_PATTERN, 'Not a connection id.');
