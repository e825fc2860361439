/**
 * The dialog's choices as the contract's input, or why they cannot be (a sentence for the user).
 * A date is the user's local time; it goes to main as a UTC instant.
 */
import type { CallInput } from '../../../../common/contract';
import { durationText, PLAN_HORIZON_MS } from '../../../../common/rotation';
import type { PlanDraft } from './PlanChoices';

type RotateInput = CallInput<'rotation.rotate'>;

export function planInput(draft: PlanDraft, nowMs: number): { retire: RotateInput['retire']; action: NonNullable<RotateInput['action']> } | { dateError: string } {
  const action = draft.action === 'delete' ? { kind: 'delete' as const, afterDisabledMs: draft.deleteAfterMs } : { kind: 'disable' as const };
  switch (draft.when) {
    case 'now':
      return { retire: { kind: 'now' }, action };
    case 'grace':
      return { retire: { kind: 'grace', graceMs: draft.graceMs }, action };
    case 'quiet':
      return { retire: { kind: 'quiet', quietMs: draft.quietMs, deadlineMs: draft.deadlineMs, regardless: draft.regardless }, action };
    case 'date': {
      const at = draft.date ? new Date(draft.date).getTime() : NaN;
      if (!Number.isFinite(at)) return { dateError: 'Choose the date and time to retire the old token.' };
      if (at <= nowMs) return { dateError: 'Choose a moment in the future.' };
      if (at - nowMs > PLAN_HORIZON_MS) return { dateError: 'Choose a date within a year.' };
      return { retire: { kind: 'date', at: new Date(at).toISOString() }, action };
    }
  }
}

/** "What will happen", in one sentence. */
export function planSentence(draft: PlanDraft): string {
  const how = draft.action === 'delete' ? `disabled, then deleted after ${durationText(draft.deleteAfterMs)} disabled` : 'disabled';
  switch (draft.when) {
    case 'now':
      return `The old token is ${how} at once.`;
    case 'grace':
      return `The old token keeps working for ${durationText(draft.graceMs)}, then it is ${how}.`;
    case 'date':
      return `The old token keeps working until the date you choose, then it is ${how}.`;
    case 'quiet':
      return `The old token keeps working until it has not been used for ${durationText(draft.quietMs)}, then it is ${how}; in ${durationText(draft.deadlineMs)} at the latest${
        draft.regardless ? ', even if it is still in use then' : ' — if it is still in use then, Token Desk asks you'
      }.`;
  }
}
