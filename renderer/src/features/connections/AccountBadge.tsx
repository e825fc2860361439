import type { ConnectionProfile } from '../../../../common/contract';

export function AccountBadges({ profile }: { profile: ConnectionProfile }) {
  return (
    <>
      <span className={`badge badge-${profile.account.type.toLowerCase()}`}>{profile.account.type}</span>
      {profile.sandbox && <span className="badge badge-sandbox">Sandbox</span>}
    </>
  );
}
