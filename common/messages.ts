/**
 * Sentences and error rules that main and the renderer both use, kept here so a wording or a
 * rule is changed in one place and every screen, notice and reply follows. No zod: the /quick
 * page loads this without it.
 */
import { DeskError } from './errors';
import type { DeskErrorCode, DeskErrorData } from './errors';
import { clearDelayLabel } from './limits';

/** A call that needs the active connection came while there is none. */
export const NOT_CONNECTED_MESSAGE = 'Connect to the Marketplace first.';

export function notConnectedError(): DeskError {
  return new DeskError({ code: 'not_connected', message: NOT_CONNECTED_MESSAGE });
}

/** What the user sees for a failure that is not a DeskError: its own text could hold anything (a value, a path). */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong inside Token Desk.';

/** The reply for such a failure at the bridge, where the user can simply try again. */
export const INTERNAL_ERROR_DATA: Readonly<DeskErrorData> = { code: 'internal', message: `${INTERNAL_ERROR_MESSAGE} Please try again.` };

/** A DeskError's message is written for people and never holds a value; anything else becomes the internal-error text. */
export function userMessage(error: unknown): string {
  return DeskError.is(error) ? error.message : INTERNAL_ERROR_MESSAGE;
}

/** The codes that mean "the API could not be reached or did not answer", as opposed to "the API said no". */
export function isUnreachableCode(code: DeskErrorCode | string): code is 'offline' | 'timeout' {
  return code === 'offline' || code === 'timeout';
}

/**
 * "The API could not be reached" vs "the API said no". Only the first makes a read fall back
 * to what is saved on this computer; a 401/403/5xx must reach the user as what it is (a saved
 * list would hide a revoked credential).
 */
export function isUnreachable(error: unknown): error is DeskError & { code: 'offline' | 'timeout' } {
  return DeskError.is(error) && isUnreachableCode(error.code);
}

/**
 * A read answered from what is saved because the Marketplace was out of reach: when that was
 * found and why, as data. The renderer words it (renderer/src/offline-text.ts), with its dates
 * in the user's locale; its zod schema is in common/error-data.ts.
 */
export interface OfflineState {
  /** ISO time the Marketplace was found out of reach. */
  since: string;
  reason: 'offline' | 'timeout';
}

export function offlineStateOf(error: { code: 'offline' | 'timeout' }, now: Date = new Date()): OfflineState {
  return { since: now.toISOString(), reason: error.code };
}

/**
 * The confirmation of a copy. `name` is left out where the copy was made in place (the row or
 * dialog already names the token); `clearAfterMs` 0 or less means the clipboard is not cleared.
 * `inFrontOnly`: the browser host, where a page may touch the clipboard only while its tab is in
 * front — the promise says so instead of claiming a clear the browser will not allow.
 */
export function copiedNotice(name: string | null, clearAfterMs: number, inFrontOnly = false): string {
  const what = name ? `Copied ${name}` : 'Copied';
  if (clearAfterMs <= 0) return what;
  const when = `clipboard clears in ${clearDelayLabel(clearAfterMs)}`;
  return inFrontOnly ? `${what} — ${when} if this tab is in front, else when you come back to it` : `${what} — ${when}`;
}

/** The browser host, after its page could not clear the clipboard (the tab was in the background). */
export const CLIPBOARD_NOT_CLEARED =
  'The copied value is still on the clipboard: a browser lets this page clear it only while its tab is in front. It will be cleared when you come back to this tab, or copy something else over it now.';
/** The same page, once a later try (the tab back in front) cleared it. */
export const CLIPBOARD_CLEARED_LATE = 'The copied value has been cleared from the clipboard.';
