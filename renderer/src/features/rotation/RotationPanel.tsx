/**
 * A token's rotation on its details page: the pair, the plan in a sentence, its state, what the
 * last look found, its history, and the plan's actions. Shown for the old token and the new one.
 */
import type { TokenView } from '../../../../common/contract';
import { lastUseText, planDescription, planSummary } from '../../../../common/rotation';
import { formatFull } from '../../ui/format';
import { useConnectionsStore } from '../connections/connections-store';
import { PlanActions } from './PlanActions';
import { planOf, useRotationStore } from './rotation-store';

export function RotationPanel({ token }: { token: TokenView }) {
  const connectionId = useConnectionsStore((s) => s.activeId ?? undefined);
  const asOld = useRotationStore((s) => planOf(s.plans, connectionId, token.id, 'old'));
  const asNew = useRotationStore((s) => planOf(s.plans, connectionId, token.id, 'new'));
  const plan = asOld ?? asNew;
  if (!plan) {
    if (!token.replacedBy && !token.replaces) return null;
    return (
      <section className="rotation-panel" aria-label="Rotation">
        <p>{token.replacedBy ? `Replaced by ${token.replacedBy}.` : `Replaces ${token.replaces ?? ''}.`} No retirement plan was made for this rotation.</p>
      </section>
    );
  }
  const now = Date.now();
  const use = lastUseText(plan, now);
  return (
    <section className="rotation-panel" aria-label="Rotation">
      <h2>Rotation</h2>
      <p>
        {asOld ? `Replaced by ${plan.newId}` : `Replaces ${plan.oldId} “${plan.oldName}”`} · <strong>{planSummary(plan, now)}</strong>
        {use ? ` · old token ${use}` : ''}
      </p>
      <p className="muted">{planDescription(plan, formatFull)}</p>
      {plan.outcome && <p>{plan.outcome}</p>}
      <PlanActions plan={plan} />
      <details>
        <summary>History of the plan</summary>
        <ol className="rotation-history">
          {[...plan.history].reverse().map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <time dateTime={h.at}>{formatFull(h.at)}</time> — {h.text}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
