/**
 * The rotation flow (from a row's menu, the details page, or for the selected tokens): says
 * what will happen, then for each token main creates the replacement with the same name
 * (editable for one token), description and modules, stores its value in the keychain and
 * makes the old token's retirement plan. Mounted once in App.tsx; opened through the store.
 */
import { useState } from 'react';
import type { TokenView } from '../../../../common/contract';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useTokensStore } from '../tokens/store/tokens-store';
import { DEFAULT_DRAFT, PlanChoices, type PlanDraft } from './PlanChoices';
import { planInput, planSentence } from './plan-input';
import { rotateAll, type RotateOutcome } from './rotate-runner';
import { useRotationStore } from './rotation-store';

export function RotateDialog() {
  const rotating = useRotationStore((s) => s.rotating);
  const initialRetire = useRotationStore((s) => s.initialRetire);
  if (!rotating || rotating.length === 0) return null;
  return <RotateFlow key={rotating.map((t) => t.id).join(',')} tokens={rotating} initialRetire={initialRetire ?? undefined} />;
}

/** `initialRetire`: when to retire, chosen at the start instead of the default; the user can still change it. */
function RotateFlow({ tokens, initialRetire }: { tokens: TokenView[]; initialRetire?: PlanDraft['when'] | undefined }) {
  const single = tokens.length === 1 ? tokens[0] : undefined;
  const [name, setName] = useState(single?.name ?? '');
  const [draft, setDraft] = useState<PlanDraft>(initialRetire ? { ...DEFAULT_DRAFT, when: initialRetire } : DEFAULT_DRAFT);
  const [dateError, setDateError] = useState<string>();
  const [nameError, setNameError] = useState<string>();
  const [phase, setPhase] = useState<'choose' | 'running' | 'done'>('choose');
  const [outcomes, setOutcomes] = useState<RotateOutcome[]>([]);
  const close = () => {
    if (phase !== 'running') useRotationStore.getState().closeRotate();
  };

  const start = async () => {
    const plan = planInput(draft, Date.now());
    if ('dateError' in plan) return setDateError(plan.dateError);
    setDateError(undefined);
    if (single && !name.trim()) return setNameError('The new token needs a name.');
    setNameError(undefined);
    setPhase('running');
    await rotateAll(
      tokens,
      (old) => ({ oldId: old.id, ...(single ? { name: name.trim() } : {}), ...plan }),
      (outcome) => {
        setOutcomes((list) => [...list, outcome]);
        if (!outcome.ok) return;
        const store = useTokensStore.getState();
        store.applyToken(outcome.result.token);
        void store.refreshToken(outcome.old.id);
      },
    );
    await useRotationStore.getState().load();
    setPhase('done');
  };

  const failed = outcomes.filter((o) => !o.ok);
  const title = single ? `Rotate ${single.name}` : `Rotate ${tokens.length} tokens`;
  const footer =
    phase === 'choose' ? (
      <>
        <Button variant="quiet" onClick={close}>
          Cancel
        </Button>
        <Button variant="primary" onClick={() => void start()}>
          {single ? 'Rotate' : `Rotate ${tokens.length} tokens`}
        </Button>
      </>
    ) : (
      <Button variant="primary" disabled={phase === 'running'} onClick={close}>
        Close
      </Button>
    );

  return (
    <Dialog title={title} onClose={close} footer={footer} closeLabel="Close" wide>
      {phase === 'choose' ? (
        <div className="rotation-form">
          <p>
            Token Desk creates {single ? 'a new token' : `${tokens.length} new tokens`} with the same {single ? '' : 'names, '}description and modules, stores{' '}
            {single ? 'its value' : 'their values'} in your keychain, and retires the old {single ? 'token' : 'ones'} by the plan below — carried out by Token Desk, also
            while it sits in the tray. {planSentence(draft)}
          </p>
          {single && (
            <div className="field">
              <label htmlFor="rotate-name">Name of the new token</label>
              <input id="rotate-name" value={name} aria-invalid={nameError ? true : undefined} onChange={(e) => setName(e.target.value)} />
              {nameError && (
                <p className="field-error" role="alert">
                  {nameError}
                </p>
              )}
            </div>
          )}
          <PlanChoices draft={draft} onChange={setDraft} dateError={dateError} />
        </div>
      ) : (
        <div className="rotation-progress" aria-live="polite">
          <p role="status">
            {phase === 'running' ? `Rotating… ${outcomes.length} of ${tokens.length} done.` : `${outcomes.length - failed.length} of ${tokens.length} rotated.`}
          </p>
          <ul className="rotation-results">
            {outcomes.map((o) => (
              <li key={o.old.id}>
                {o.ok ? (
                  <>
                    {o.old.name}: replaced by <strong>{o.result.token.id}</strong>
                    {o.result.stored ? ', value stored in the keychain.' : `. The keychain refused the value: ${o.result.keychainError ?? ''} — copy it from the token's page now.`}
                  </>
                ) : (
                  <span className="field-error">
                    {o.old.name}: {o.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
