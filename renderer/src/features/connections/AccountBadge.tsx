import type { ConnectionProfile } from '../../../../common/contract';

/** Said where a sandbox without a keychain is listed: its secrets are gone when Token Desk quits. */
export const IN_MEMORY_NOTE =
  'No keychain is running, so this sandbox keeps its admin token and token values in memory only: they are gone when Token Desk quits.';

export function AccountBadges({ profile }: { profile: ConnectionProfile }) {
  return (
    <>
      <span className={`badge badge-${profile.account.type.toLowerCase()}`}>{profile.account.type}</span>
      {profile.sandbox && <span className="badge badge-sandbox">Sandbox</span>}
      {profile.secretsInMemory && (
        <span className="badge badge-sandbox" title={IN_MEMORY_NOTE}>
          Kept in memory
        </span>
      )}
    </>
  );
}
