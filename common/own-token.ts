/**
 * The connection's own token: the API token a connection signs in with (its profile's
 * `adminTokenId`). Disabling or deleting it would lock Token Desk out of the account in the
 * middle of the action, so main refuses both and the page offers neither. Both sides word the
 * refusal from here, so the reason the page shows before a click is the one main would give.
 */

/** The badge on the token's row and in its details. */
export const OWN_TOKEN_BADGE = 'Signs in this connection';

export type OwnTokenGuarded = 'disable' | 'delete';

/** Whether `tokenId` is the token the connection `profile` signs in with. */
export function isOwnToken(tokenId: string, profile: { adminTokenId: string } | null | undefined): boolean {
  return !!profile && profile.adminTokenId === tokenId;
}

/** Why the action is not offered, shown next to the disabled control (tooltip, menu item description). */
export function ownTokenReason(action: OwnTokenGuarded): string {
  const verb = action === 'disable' ? 'Disabling' : 'Deleting';
  return `This connection signs in with this token. ${verb} it would lock Token Desk out; use another connection to ${action} it.`;
}

/** Main's refusal when a call asks for it anyway (another page, an old list, a script). */
export function ownTokenRefusal(tokenId: string, connectionName: string, action: OwnTokenGuarded): string {
  return `${tokenId} is the API token the connection "${connectionName}" signs in with. To ${action} it, use another connection (or another administrator's token); otherwise Token Desk would lock itself out.`;
}

/** A bulk action's line for the token it left alone. */
export const OWN_TOKEN_SKIPPED = 'Skipped: this connection signs in with it.';
