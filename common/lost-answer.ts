/**
 * "The request may have reached the server but its answer did not reach us": after such an
 * error a create may or may not have happened, so nothing may retry it blindly. Main (the API
 * client, the create handler) and the wizard decide with this one test.
 */
import type { DeskErrorCode } from './errors';
import { isUnreachableCode } from './messages';

export function isLostAnswer(error: { code: DeskErrorCode | string; status?: number | undefined }): boolean {
  return isUnreachableCode(error.code) || (error.code === 'server' && error.status !== undefined && error.status < 300);
}

export const LOST_ANSWER_MESSAGE =
  'The answer to the create request was lost, so the token may or may not have been created. Token Desk will look for it before letting you try again.';
