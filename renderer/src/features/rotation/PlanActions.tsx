/** A plan's actions: retire now, extend, cancel (only those its stage allows); errors said in place. */
import { useState } from 'react';
import { EXTEND_CHOICES, isPending, type PlanView } from '../../../../common/rotation';
import { Button } from '../../ui/Button';
import { useRotationStore, type PlanAction } from './rotation-store';

export function PlanActions({ plan }: { plan: PlanView }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [extendBy, setExtendBy] = useState<number>(EXTEND_CHOICES[1].ms);
  const canAct = (isPending(plan.stage) && plan.stage !== 'acting') || plan.stage === 'failed';
  if (!canAct) return null;
  const run = async (action: PlanAction) => {
    setBusy(true);
    setError(await useRotationStore.getState().act(plan, action));
    setBusy(false);
  };
  const who = `${plan.oldId} ${plan.oldName}`;
  return (
    <div className="plan-actions">
      <Button size="small" variant="danger" disabled={busy} aria-label={`Retire now ${who}`} onClick={() => void run({ kind: 'retireNow' })}>
        Retire now
      </Button>
      <span className="plan-extend">
        <select aria-label={`Extend by (${who})`} value={extendBy} disabled={busy} onChange={(e) => setExtendBy(Number(e.target.value))}>
          {EXTEND_CHOICES.map((c) => (
            <option key={c.ms} value={c.ms}>
              {c.label}
            </option>
          ))}
        </select>
        <Button size="small" disabled={busy} aria-label={`Extend ${who}`} onClick={() => void run({ kind: 'extend', byMs: extendBy })}>
          Extend
        </Button>
      </span>
      <Button size="small" variant="quiet" disabled={busy} aria-label={`Cancel the plan for ${who}`} onClick={() => void run({ kind: 'cancel' })}>
        Cancel plan
      </Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
