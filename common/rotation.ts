/**
 * Rotation plans: how and when Token Desk retires a token that was replaced. The choices live
 * here (the shapes in rotation-schemas.ts) because main (which stores and carries out the
 * plans) and the renderer (which makes them and shows them) must agree on every one; the wording
 * of a plan's state is here too, so the table, the details page and the Rotations view say the
 * same thing. No schema library here: the page shows plans without loading the contract's.
 *
 * Every time is an ISO-8601 instant in UTC and every duration is milliseconds of real time:
 * a 24 h grace period is 24 hours even across a daylight-saving change, and a plan made in one
 * time zone falls due at the same instant when the computer moves to another.
 */
import type { RotationPlan } from './rotation-schemas';

export type { PlanEvent, PlanView, RetireAction, RetireChoice, RetireWhen, RotationPlan } from './rotation-schemas';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The grace periods offered (Stripe's "roll key" choices), besides a date. */
export const GRACE_CHOICES = [
  { ms: HOUR, label: '1 hour' },
  { ms: DAY, label: '24 hours' },
  { ms: 3 * DAY, label: '3 days' },
  { ms: 7 * DAY, label: '7 days' },
] as const;
/** How long the old token must have gone unused before a quiet-plan retires it. */
export const QUIET_CHOICES = [
  { ms: MINUTE, label: '1 minute' },
  { ms: 15 * MINUTE, label: '15 minutes' },
  { ms: HOUR, label: '1 hour' },
  { ms: 6 * HOUR, label: '6 hours' },
  { ms: DAY, label: '24 hours' },
  { ms: 3 * DAY, label: '3 days' },
] as const;
/**
 * A quiet-plan's latest moment. Shorter ones than the grace periods, because a quiet time of a
 * minute or a quarter of an hour fits a script that runs every few seconds; each must be longer
 * than the quiet time chosen with it (`retireChoiceSchema` refuses the rest).
 */
export const DEADLINE_CHOICES = [
  { ms: 10 * MINUTE, label: '10 minutes' },
  { ms: HOUR, label: '1 hour' },
  { ms: 6 * HOUR, label: '6 hours' },
  { ms: DAY, label: '24 hours' },
  { ms: 3 * DAY, label: '3 days' },
  { ms: 7 * DAY, label: '7 days' },
] as const;
export const DEADLINE_AFTER_QUIET = 'The deadline must be later than the quiet time: choose a longer deadline or a shorter quiet time.';
/** How long a token stays Disabled before a delete-plan deletes it (so a mistake can be undone). */
export const DELETE_AFTER_CHOICES = [
  { ms: HOUR, label: '1 hour' },
  { ms: DAY, label: '24 hours' },
  { ms: 7 * DAY, label: '7 days' },
  { ms: 30 * DAY, label: '30 days' },
] as const;
/** Extend: the choices the Rotations view offers. */
export const EXTEND_CHOICES = [
  { ms: HOUR, label: '1 hour' },
  { ms: DAY, label: '24 hours' },
  { ms: 7 * DAY, label: '7 days' },
] as const;

/** A plan's longest reach: nothing is scheduled further out than a year. */
export const PLAN_HORIZON_MS = 366 * DAY;
/** A plan's shortest duration. */
export const PLAN_SHORTEST_MS = MINUTE;
/**
 * waiting: for its time (or for the token to go quiet); acting: a disable or delete was sent and
 * its outcome is not known yet (kept on disk, so a crash or a lost answer is re-checked, never
 * repeated blindly); disabled: a delete-plan's token is Disabled, waiting to be deleted; asking:
 * at the deadline the token was still in use, the user decides; then done, cancelled or failed.
 */
export const PLAN_STAGES = ['waiting', 'acting', 'disabled', 'asking', 'done', 'cancelled', 'failed'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];
export const PENDING_STAGES: readonly PlanStage[] = ['waiting', 'acting', 'disabled', 'asking'];
export const isPending = (stage: PlanStage) => PENDING_STAGES.includes(stage);

/** A duration in words: "6 h", "3 d", "4 min", "less than a minute". */
export function durationText(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / DAY)} d`;
}

/** "still used 4 min ago" / "not used for 3 h" / "never used", from the last look. */
export function lastUseText(plan: Pick<RotationPlan, 'lastAccessAt' | 'checkedAt'>, nowMs: number): string | undefined {
  if (!plan.checkedAt) return undefined;
  if (!plan.lastAccessAt) return 'never used';
  const ago = nowMs - Date.parse(plan.lastAccessAt);
  return ago < HOUR ? `still used ${durationText(Math.max(ago, 0))} ago` : `last used ${durationText(ago)} ago`;
}

/** The old row's short line: "retiring in 23 h", "when quiet for 6 h", "retired", … */
export function planSummary(plan: RotationPlan, nowMs: number): string {
  const verb = plan.action.kind === 'delete' ? 'deleting' : 'disabling';
  switch (plan.stage) {
    case 'waiting':
      if (plan.when.kind === 'at') {
        const left = Date.parse(plan.when.at) - nowMs;
        return left <= 0 ? `${verb} now` : `retiring in ${durationText(left)}`;
      }
      return `retiring when quiet for ${durationText(plan.when.quietMs)}`;
    case 'acting':
      return `${verb} now`;
    case 'disabled': {
      const left = Date.parse(plan.disabledAt ?? plan.createdAt) + (plan.action.kind === 'delete' ? plan.action.afterDisabledMs : 0) - nowMs;
      return left <= 0 ? 'deleting now' : `disabled · deleting in ${durationText(left)}`;
    }
    case 'asking':
      return 'still in use at its deadline: decide';
    case 'done':
      return 'retired';
    case 'cancelled':
      return 'rotation cancelled';
    case 'failed':
      return 'retirement failed';
  }
}

/** The plan in one sentence, for its details: what will happen and when. */
export function planDescription(plan: RotationPlan, formatTime: (iso: string) => string = (iso) => iso): string {
  const action = plan.action.kind === 'delete' ? `disable it, then delete it after ${durationText(plan.action.afterDisabledMs)} disabled` : 'disable it';
  if (plan.when.kind === 'at') return `At ${formatTime(plan.when.at)}: ${action}.`;
  const atDeadline = plan.when.regardless ? `${action} anyway` : 'ask you';
  return `Once it has not been used for ${durationText(plan.when.quietMs)}: ${action}. At ${formatTime(plan.when.deadline)} at the latest; still in use then, Token Desk will ${atDeadline}.`;
}
