/** The sentence to show for a failed call: a DeskError's own message, else the caller's fallback. */
import { DeskError } from '../../common/errors';
import { INTERNAL_ERROR_MESSAGE } from '../../common/messages';

export function errorMessage(error: unknown, fallback = INTERNAL_ERROR_MESSAGE): string {
  if (DeskError.is(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
