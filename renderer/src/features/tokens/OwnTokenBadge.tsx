import { OWN_TOKEN_BADGE } from '../../../../common/own-token';
import { Badge } from '../../ui/Badge';

/** Marks the token the connection signs in with (its row and its details). */
export function OwnTokenBadge() {
  return (
    <Badge tone="info" className="badge-own-token">
      {OWN_TOKEN_BADGE}
    </Badge>
  );
}
