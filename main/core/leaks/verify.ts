/**
 * "Does this value still work?": one call made WITH the found value, to the token's own GET
 * (a token may always read itself, §9). The value goes into that request's Authorization
 * header and nowhere else; the client never logs a header, and its errors never carry one.
 */
import type { ConnectionProfile } from '../../../common/contract';
import { DEFAULT_BASE_URL } from '../../../common/base-url';
import { DeskError } from '../../../common/errors';
import { createMarketplaceClient, type MarketplaceClient } from '../api';
import { APP_VERSION } from '../app-info';

export type VerifyOutcome = 'live' | 'disabled' | 'unknown';

export interface VerifyServices {
  clientFor(profile: ConnectionProfile): Promise<MarketplaceClient>;
}

/** Where to ask: the holding connection's address, else the active one's, else the platform's. */
export async function verifyValue(services: VerifyServices, profile: ConnectionProfile | undefined, tokenId: string, value: string): Promise<VerifyOutcome> {
  let baseUrl = DEFAULT_BASE_URL;
  if (profile) baseUrl = await services.clientFor(profile).then((c) => c.baseUrl, () => profile.baseUrl);
  const probe = createMarketplaceClient({ baseUrl, token: value, appVersion: APP_VERSION, timeoutMs: 15_000, retry: { maxAttempts: 1 } });
  try {
    await probe.tokens.get(tokenId);
    return 'live';
  } catch (error) {
    if (!DeskError.is(error)) return 'unknown';
    // 401: the platform refused the value (disabled, deleted, or never valid). 403: it
    // authenticated, so it works, whatever it may not read.
    if (error.code === 'unauthorized') return 'disabled';
    if (error.code === 'forbidden') return 'live';
    return 'unknown';
  }
}
