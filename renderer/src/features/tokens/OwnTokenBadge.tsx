import { OWN_TOKEN_BADGE } from '../../../../common/own-token';

/** Marks the token the connection signs in with (its row and its details). */
export function OwnTokenBadge() {
  return <span className="badge badge-own-token">{OWN_TOKEN_BADGE}</span>;
}
