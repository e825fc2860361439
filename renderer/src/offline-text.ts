/**
 * The one wording of the offline state (common/messages.ts) for every banner that shows it: the
 * token list, the audit log and a token's audit trail. Main sends the state as data; the dates
 * are formatted here, in the user's locale. One date per sentence: the saved data's when there
 * is some (what the user is looking at), else when the Marketplace was found out of reach.
 */
import type { OfflineState } from '../../common/messages';
import { formatDateTime } from './ui/format';

const CAUSE: Record<OfflineState['reason'], string> = {
  offline: 'the Marketplace could not be reached',
  timeout: 'the Marketplace did not answer in time',
};

/**
 * `savedAt` is when the data shown was saved; `hasSaved` says data is shown even without that
 * time (audit records kept from a token's trail before the account log was first refreshed):
 * then no date is claimed, since those records may come from this very run. A view shows this
 * sentence once, in its one offline banner, and adds no second line repeating it.
 */
export function offlineText(state: OfflineState, savedAt: string | null, hasSaved = savedAt !== null): string {
  if (savedAt) return `Offline — showing data from ${formatDateTime(savedAt)} because ${CAUSE[state.reason]}.`;
  if (hasSaved) return `Offline — showing what is saved on this computer because ${CAUSE[state.reason]}.`;
  return `Offline — at ${formatDateTime(state.since)} ${CAUSE[state.reason]}, and nothing is saved on this computer yet.`;
}
