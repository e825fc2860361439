/**
 * The retirement plan's choices: when (now, after a grace period or on a date, or once the old
 * token has gone quiet, at the latest by a deadline) and how (disable, or delete after some time
 * disabled). Only the choices: the dialog turns them into the contract's input.
 */
import { useId } from 'react';
import { DEADLINE_CHOICES, DELETE_AFTER_CHOICES, GRACE_CHOICES, QUIET_CHOICES } from '../../../../common/rotation';

export interface PlanDraft {
  when: 'now' | 'grace' | 'date' | 'quiet';
  graceMs: number;
  /** `datetime-local` text: the user's local time, turned into UTC on the way to main. */
  date: string;
  quietMs: number;
  deadlineMs: number;
  regardless: boolean;
  action: 'disable' | 'delete';
  deleteAfterMs: number;
}

export const DEFAULT_DRAFT: PlanDraft = {
  when: 'quiet',
  graceMs: GRACE_CHOICES[1].ms,
  date: '',
  quietMs: QUIET_CHOICES[3].ms,
  deadlineMs: DEADLINE_CHOICES[5].ms,
  regardless: false,
  action: 'disable',
  deleteAfterMs: DELETE_AFTER_CHOICES[2].ms,
};

/** The deadlines that come after the quiet time (an earlier one would never let the plan wait for quiet). */
export const deadlinesAfter = (quietMs: number) => DEADLINE_CHOICES.filter((c) => c.ms > quietMs);

/** A new quiet time; a deadline it passes moves to the first one after it, so the pair stays valid. */
function withQuiet(draft: PlanDraft, quietMs: number): Partial<PlanDraft> {
  const deadlineMs = draft.deadlineMs > quietMs ? draft.deadlineMs : (deadlinesAfter(quietMs)[0]?.ms ?? draft.deadlineMs);
  return { quietMs, deadlineMs };
}

function Select({ label, value, choices, onChange }: { label: string; value: number; choices: readonly { ms: number; label: string }[]; onChange(ms: number): void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {choices.map((c) => (
        <option key={c.ms} value={c.ms}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export function PlanChoices({ draft, onChange, dateError }: { draft: PlanDraft; onChange(next: PlanDraft): void; dateError?: string | undefined }) {
  const id = useId();
  const set = (patch: Partial<PlanDraft>) => onChange({ ...draft, ...patch });
  const radio = (when: PlanDraft['when'], label: string) => (
    <label className="rotation-radio">
      <input type="radio" name={`${id}-when`} checked={draft.when === when} onChange={() => set({ when })} /> {label}
    </label>
  );
  return (
    <>
      <fieldset className="rotation-fieldset">
        <legend>When should the old token be retired?</legend>
        {radio('quiet', 'When it goes quiet')}
        {draft.when === 'quiet' && (
          <div className="rotation-sub">
            <span>
              once it has not been used for <Select label="Quiet for" value={draft.quietMs} choices={QUIET_CHOICES} onChange={(quietMs) => set(withQuiet(draft, quietMs))} />, at the latest in{' '}
              <Select label="Deadline" value={draft.deadlineMs} choices={deadlinesAfter(draft.quietMs)} onChange={(deadlineMs) => set({ deadlineMs })} />
            </span>
            <label className="rotation-check">
              <input type="checkbox" checked={draft.regardless} onChange={(e) => set({ regardless: e.target.checked })} /> At the deadline, retire it even if it is still in use
              (otherwise Token Desk asks you)
            </label>
          </div>
        )}
        {radio('grace', 'After a grace period')}
        {draft.when === 'grace' && (
          <div className="rotation-sub">
            <Select label="Grace period" value={draft.graceMs} choices={GRACE_CHOICES} onChange={(graceMs) => set({ graceMs })} />
          </div>
        )}
        {radio('date', 'On a date')}
        {draft.when === 'date' && (
          <div className="rotation-sub">
            <input type="datetime-local" aria-label="Retire on" aria-invalid={dateError ? true : undefined} value={draft.date} onChange={(e) => set({ date: e.target.value })} />
            {dateError && (
              <p className="field-error" role="alert">
                {dateError}
              </p>
            )}
          </div>
        )}
        {radio('now', 'Now (risks breaking whatever still uses it)')}
      </fieldset>
      <fieldset className="rotation-fieldset">
        <legend>How?</legend>
        <label className="rotation-radio">
          <input type="radio" name={`${id}-action`} checked={draft.action === 'disable'} onChange={() => set({ action: 'disable' })} /> Disable it (can be enabled again)
        </label>
        <label className="rotation-radio">
          <input type="radio" name={`${id}-action`} checked={draft.action === 'delete'} onChange={() => set({ action: 'delete' })} /> Disable it, then delete it after
        </label>
        {draft.action === 'delete' && (
          <div className="rotation-sub">
            <Select label="Delete after disabled for" value={draft.deleteAfterMs} choices={DELETE_AFTER_CHOICES} onChange={(deleteAfterMs) => set({ deleteAfterMs })} /> disabled
          </div>
        )}
      </fieldset>
    </>
  );
}
