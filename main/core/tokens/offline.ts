/**
 * "The API could not be reached" vs "the API said no". Only the first makes a read fall back
 * to the offline cache; a 401/403/5xx must reach the user as what it is (a cached list would
 * hide a revoked credential).
 */
import { DeskError } from '../../../common/errors';

export function isUnreachable(error: unknown): error is DeskError {
  return DeskError.is(error) && (error.code === 'offline' || error.code === 'timeout');
}

/** The renderer finds the ISO time in `fetchedAt` and formats it in the user's locale. */
export function offlineNotice(fetchedAt: string | null): { message: string } {
  return fetchedAt
    ? { message: `Offline — showing data from ${fetchedAt}` }
    : { message: 'Offline — the Marketplace cannot be reached and nothing is saved on this computer yet.' };
}
