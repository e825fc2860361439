import type { ConnectionProfile } from '../../../../common/contract';
import { Badge } from '../../ui/Badge';

/** Said where the in-app sandbox is listed: its secrets never reach the keychain and are gone when Token Desk quits. */
export const IN_MEMORY_NOTE =
  'The sandbox keeps its admin token and token values in memory only, never in your keychain: they are gone when Token Desk quits.';

/**
 * What a connection's name does not already say. A name is chosen freely and often repeats the
 * account ("Sandbox — Stark Industries"): the account name and the Sandbox badge are shown only
 * when the name leaves them out, so the header names a connection once.
 */
export function connectionExtras(profile: ConnectionProfile): { account: string | null; sandboxBadge: boolean } {
  const name = profile.name.toLowerCase();
  return {
    account: name.includes(profile.account.name.toLowerCase()) ? null : profile.account.name,
    sandboxBadge: profile.sandbox === true && !name.includes('sandbox'),
  };
}

/** The account type (its own colour), and the sandbox marks: Sandbox unless the name says so, Kept in memory always. */
export function AccountBadges({ profile, all = false }: { profile: ConnectionProfile; /** Every badge, even one the name repeats (lists that show the name apart). */ all?: boolean }) {
  const sandbox = all ? profile.sandbox === true : connectionExtras(profile).sandboxBadge;
  return (
    <span className="badges">
      <Badge className={`badge-${profile.account.type.toLowerCase()}`}>{profile.account.type}</Badge>
      {sandbox && <Badge className="badge-sandbox">Sandbox</Badge>}
      {profile.secretsInMemory && (
        <Badge className="badge-sandbox" title={IN_MEMORY_NOTE}>
          Kept in memory
        </Badge>
      )}
    </span>
  );
}
