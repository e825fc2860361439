/**
 * The Rotations view: every connection's plans — pending, done, cancelled, failed — with what
 * the old token did last ("still used 4 min ago") and the plan's actions. Main carries the plans
 * out; this page shows them and refreshes whenever main says one changed.
 */
import { useEffect, useState } from 'react';
import { isPending, lastUseText, planSummary, type PlanView } from '../../../../common/rotation';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { formatFull } from '../../ui/format';
import { PlanActions } from './PlanActions';
import { useRotationStore } from './rotation-store';

const FILTERS = [
  { key: 'pending', label: 'Pending' },
  { key: 'done', label: 'Done' },
  { key: 'cancelled', label: 'Cancelled' },
  { key: 'failed', label: 'Failed' },
  { key: 'all', label: 'All' },
] as const;
type Filter = (typeof FILTERS)[number]['key'];

const matches = (plan: PlanView, filter: Filter) => filter === 'all' || (filter === 'pending' ? isPending(plan.stage) : plan.stage === filter);

function toneOf(plan: PlanView): BadgeTone {
  if (plan.stage === 'failed') return 'danger';
  if (plan.stage === 'asking') return 'warning';
  if (plan.stage === 'done') return 'success';
  return plan.stage === 'cancelled' ? 'neutral' : 'info';
}

export function RotationsPage() {
  const { plans, loaded, error, load } = useRotationStore();
  const [filter, setFilter] = useState<Filter>('pending');
  // The "in 23 h" and "4 min ago" texts move on with the clock.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    void load();
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  const shown = plans.filter((p) => matches(p, filter));

  return (
    <section className="page rotations-page" aria-labelledby="rotations-title">
      <PageHeader id="rotations-title" title="Rotations" subtitle="Old tokens Token Desk retires for you after a rotation, across all your connections." />
      <div className="rotation-filters" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button key={f.key} type="button" className={filter === f.key ? 'btn btn-small btn-primary' : 'btn btn-small btn-secondary'} aria-pressed={filter === f.key} onClick={() => setFilter(f.key)}>
            {f.label} ({plans.filter((p) => matches(p, f.key)).length})
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {loaded && shown.length === 0 ? (
        <EmptyState title={filter === 'pending' ? 'No rotation in progress' : 'Nothing here'}>
          Rotate a token from its row’s menu or its page: Token Desk creates the replacement and retires the old one by the plan you choose.
        </EmptyState>
      ) : (
        <ul className="rotation-list" aria-label="Rotation plans">
          {shown.map((plan) => {
            const use = lastUseText(plan, now);
            return (
              <li key={plan.id} className="rotation-item">
                <div className="rotation-item-head">
                  <strong>
                    {plan.oldName} <span className="muted">{plan.oldId}</span> → {plan.newId}
                  </strong>
                  <Badge tone={toneOf(plan)}>{planSummary(plan, now)}</Badge>
                </div>
                <p className="muted">
                  {plan.connectionName} · planned {formatFull(plan.createdAt)}
                  {use ? ` · old token ${use}` : ''}
                </p>
                {plan.outcome && <p>{plan.outcome}</p>}
                <PlanActions plan={plan} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
