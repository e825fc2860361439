/**
 * Proving a pasted admin token before it is saved: the API client's who-am-I, then the checks
 * only the answer allows (it names the same token, and that token is Active). A rejected or
 * unknown token is bad form input, so it comes back on the `token` field.
 */
import type { WhoAmI } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { tokenIdOfValue } from '../../../common/token-value';
import { validationError } from './input';

export type VerifyToken = (baseUrl: string, tokenValue: string) => Promise<WhoAmI>;

const REJECTED_FALLBACK =
  'The Marketplace API did not accept this token. Check that you pasted the whole value, that the token is not disabled or deleted, and that the API address is right.';

const NO_TOKEN_ACCESS =
  'This token works, but it may not manage API tokens: it needs the Access Management module. Add that module to it in the Marketplace portal (Settings > API tokens), or use another token.';

/** `token` is an already checked value (input.ts checkToken). */
export async function verifyAdminToken(verify: VerifyToken, baseUrl: string, token: string): Promise<WhoAmI> {
  let who: WhoAmI;
  try {
    who = await verify(baseUrl, token);
  } catch (error) {
    // Other failures (offline, timeout, server) pass through with their own code.
    // The API client's messages are written for people (e.g. "This API token … is disabled"),
    // so keep them; fall back to a generic sentence when there is none.
    if (DeskError.is(error) && (error.code === 'unauthorized' || error.code === 'not_found')) {
      const message = error.message.trim().length > 20 ? error.message : REJECTED_FALLBACK;
      throw validationError({ token: [message] });
    }
    if (DeskError.is(error) && error.code === 'forbidden') throw validationError({ token: [NO_TOKEN_ACCESS] });
    throw error;
  }
  const named = tokenIdOfValue(token) ?? '';
  if (who.tokenId !== named) {
    throw validationError({ token: [`The API says this token is ${who.tokenId}, but the value names ${named}. Paste the value again.`] });
  }
  if (who.tokenStatus !== 'Active') {
    throw validationError({
      token: [`This token is ${who.tokenStatus.toLowerCase()}, so it cannot be used. Enable it in the Marketplace portal or use another token.`],
    });
  }
  return who;
}
