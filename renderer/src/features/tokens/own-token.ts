/**
 * Which token the active connection signs in with, for the page: its rows, its menus, its
 * details and its bulk actions. The rule and its wording are common/own-token.ts (main applies
 * the same rule and refuses the calls); this only reads the active connection.
 */
import { isOwnToken } from '../../../../common/own-token';
import { useConnectionsStore } from '../connections/connections-store';

/** The id of the token the active connection signs in with; null without a connection. */
export function useOwnTokenId(): string | null {
  return useConnectionsStore((s) => s.connections.find((c) => c.id === s.activeId)?.adminTokenId ?? null);
}

/** Whether `tokenId` signs in the active connection (the details page's badge and actions). */
export function useIsOwnToken(tokenId: string): boolean {
  return useConnectionsStore((s) => isOwnToken(tokenId, s.connections.find((c) => c.id === s.activeId)));
}

/** The same, outside React (bulk actions, dialogs opened from a store). */
export function isActiveConnectionToken(tokenId: string): boolean {
  return isOwnToken(tokenId, useConnectionsStore.getState().active());
}
