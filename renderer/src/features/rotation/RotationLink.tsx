/**
 * Which token replaced which, on a token's row: the old one "Replaced by TKN-… · retiring in
 * 23 h", the new one "Replaces TKN-…". The pair comes from the token's links (main keeps them);
 * the plan's state from the rotation store.
 */
import type { TokenView } from '../../../../common/contract';
import { planSummary } from '../../../../common/rotation';
import { useConnectionsStore } from '../connections/connections-store';
import { planOf, useRotationStore } from './rotation-store';

export function RotationLink({ token }: { token: TokenView }) {
  const connectionId = useConnectionsStore((s) => s.activeId ?? undefined);
  const oldPlan = useRotationStore((s) => planOf(s.plans, connectionId, token.id, 'old'));
  const replacedBy = oldPlan?.newId ?? token.replacedBy;
  if (replacedBy) {
    return (
      <span className="rotation-link">
        {' · '}Replaced by {replacedBy}
        {oldPlan ? ` · ${planSummary(oldPlan, Date.now())}` : ''}
      </span>
    );
  }
  if (token.replaces) return <span className="rotation-link">{` · Replaces ${token.replaces}`}</span>;
  return null;
}
