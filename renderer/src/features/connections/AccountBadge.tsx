import type { ConnectionProfile } from '../../../../common/contract';

/** Said where the in-app sandbox is listed: its secrets never reach the keychain and are gone when Token Desk quits. */
export const IN_MEMORY_NOTE =
  'The sandbox keeps its admin token and token values in memory only, never in your keychain: they are gone when Token Desk quits.';

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
