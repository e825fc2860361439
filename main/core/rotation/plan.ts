/**
 * A rotation plan's state machine, pure: every function takes the time as an argument and
 * returns the next plan (plus the call to make and the notices to give), so the runner
 * (runner.ts) owns the clock, the timers, the API and the disk, and tests can walk days of plans
 * in a loop. Times are epoch milliseconds in, ISO instants in UTC out.
 *
 * The rule that a plan never acts twice lives here: before a disable or delete the plan goes to
 * the `acting` stage, which the runner writes to disk BEFORE it sends the call. A plan found in
 * `acting` (after a crash, or when the answer was lost) is looked at again first: a token that is
 * already Disabled (or gone) counts as done, and only a token still as it was is acted on.
 */
import type { PlanStage, RetireAction, RotationPlan } from '../../../common/rotation';
import { durationText } from '../../../common/rotation';
import { retireChoiceSchema } from '../../../common/rotation-schemas';
import type { z } from 'zod';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/**
 * A quiet-plan looks at the old token at most this often (one small GET per look). The runner
 * may be given a shorter one (the browser host's `--rotation-check-interval`), so an end-to-end
 * test sees a quiet minute acted on without waiting a second minute for the next look.
 */
export const MIN_LOOK_MS = MINUTE;
/** Failed attempts back off from this, doubling, up to RETRY_MAX_MS; after MAX_ATTEMPTS the plan fails. */
export const RETRY_BASE_MS = MINUTE;
export const RETRY_MAX_MS = HOUR;
export const MAX_ATTEMPTS = 8;
const HISTORY_MAX = 50;

/** The old token as a look (GET) found it, or `missing` when the API no longer knows it. */
export type Look = { status: 'Active' | 'Disabled' | 'Deleted' | string; lastAccessAt: string | null; revision?: number | undefined } | 'missing';

export interface PlanNotice {
  kind: 'hour-before' | 'retired' | 'still-in-use' | 'failed' | 'found';
  level: 'info' | 'success' | 'warning' | 'error';
  message: string;
}

export interface Decision {
  plan: RotationPlan;
  /** The call to make now (the plan is already `acting`: write it before calling). */
  act?: 'disable' | 'delete';
  notices: PlanNotice[];
}

type Choice = z.output<typeof retireChoiceSchema>;

export interface NewPlanInput {
  id: string;
  connectionId: string;
  oldId: string;
  newId: string;
  oldName: string;
  retire: Choice;
  action: RetireAction;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (text: string) => Date.parse(text);

function logged(plan: RotationPlan, nowMs: number, text: string): RotationPlan {
  return { ...plan, history: [...plan.history, { at: iso(nowMs), text }].slice(-HISTORY_MAX) };
}

const who = (plan: RotationPlan) => `${plan.oldId} “${plan.oldName}”`;

export function newPlan(input: NewPlanInput, nowMs: number): RotationPlan {
  const r = input.retire;
  const when: RotationPlan['when'] =
    r.kind === 'quiet'
      ? { kind: 'quiet', quietMs: r.quietMs, deadline: iso(nowMs + r.deadlineMs), regardless: r.regardless }
      : { kind: 'at', at: iso(r.kind === 'now' ? nowMs : r.kind === 'grace' ? nowMs + r.graceMs : Math.max(ms(r.at), nowMs)) };
  const base: RotationPlan = {
    id: input.id,
    connectionId: input.connectionId,
    oldId: input.oldId,
    newId: input.newId,
    oldName: input.oldName,
    createdAt: iso(nowMs),
    when,
    action: input.action,
    stage: 'waiting',
    // A quiet-plan looks at once (so the page can say whether the old token is still in use).
    nextAt: when.kind === 'at' ? when.at : iso(nowMs),
    attempts: 0,
    lastAccessAt: null,
    checkedAt: null,
    notified: [],
    history: [],
  };
  return logged(base, nowMs, `Plan made: ${input.newId} replaces ${input.oldId}.`);
}

/** When the runner must wake for this plan: its next look, or an hour-before notice. */
export function wakeAt(plan: RotationPlan): number | null {
  const next = plan.nextAt === null ? null : ms(plan.nextAt);
  const remind = reminderAt(plan);
  if (next === null) return remind;
  return remind === null ? next : Math.min(next, remind);
}

/** An hour before a known retirement time, if the plan was made earlier than that and not told yet. */
export function reminderAt(plan: RotationPlan): number | null {
  const target = retirementAt(plan);
  if (target === null) return null;
  const key = `hour-before:${plan.stage === 'disabled' ? 'delete' : 'disable'}`;
  if (plan.notified.includes(key)) return null;
  const since = plan.stage === 'disabled' ? ms(plan.disabledAt ?? plan.createdAt) : ms(plan.createdAt);
  return target - HOUR > since ? target - HOUR : null;
}

/** The moment the next action is due, where it is known in advance. */
export function retirementAt(plan: RotationPlan): number | null {
  if (plan.stage === 'waiting' && plan.when.kind === 'at') return ms(plan.when.at);
  if (plan.stage === 'waiting' && plan.when.kind === 'quiet' && plan.when.regardless) return ms(plan.when.deadline);
  if (plan.stage === 'disabled' && plan.action.kind === 'delete') return ms(plan.disabledAt ?? plan.createdAt) + plan.action.afterDisabledMs;
  return null;
}

/** The hour-before notice, if one is due now. */
export function remind(plan: RotationPlan, nowMs: number): Decision {
  const at = reminderAt(plan);
  if (at === null || nowMs < at) return { plan, notices: [] };
  const step = plan.stage === 'disabled' ? 'delete' : 'disable';
  const target = retirementAt(plan) ?? nowMs;
  const message = `In ${durationText(target - nowMs)} Token Desk will ${step} ${who(plan)} (replaced by ${plan.newId}).`;
  return { plan: { ...plan, notified: [...plan.notified, `hour-before:${step}`] }, notices: [{ kind: 'hour-before', level: 'info', message }] };
}

/** Whether a plan's retirement (or a quiet-plan's deadline) came while nobody was watching. */
export function fellDue(plan: RotationPlan, nowMs: number): boolean {
  if (plan.stage !== 'waiting' && plan.stage !== 'disabled' && plan.stage !== 'acting') return false;
  const at = retirementAt(plan) ?? (plan.when.kind === 'quiet' ? ms(plan.when.deadline) : null);
  return plan.stage === 'acting' || (plan.when.kind === 'quiet' && plan.stage === 'waiting' && isDue(plan, nowMs)) || (at !== null && at < nowMs);
}

const isDue = (plan: RotationPlan, nowMs: number) => plan.nextAt !== null && ms(plan.nextAt) <= nowMs;
export const needsLook = (plan: RotationPlan, nowMs: number) => ['waiting', 'acting', 'disabled'].includes(plan.stage) && isDue(plan, nowMs);

function finish(plan: RotationPlan, nowMs: number, stage: PlanStage, outcome: string): RotationPlan {
  return logged({ ...plan, stage, outcome, nextAt: null, step: undefined, force: undefined, attempts: 0 }, nowMs, outcome);
}

function acting(plan: RotationPlan, nowMs: number, step: 'disable' | 'delete', why: string): Decision {
  const next = logged({ ...plan, stage: 'acting', step, force: undefined }, nowMs, `${step === 'disable' ? 'Disabling' : 'Deleting'} ${plan.oldId}: ${why}.`);
  return { plan: next, act: step, notices: [] };
}

/** The token is Disabled (by this plan or by someone else): done, or on to the delete. */
function disabledNow(plan: RotationPlan, nowMs: number, text: string, notices: PlanNotice[]): Decision {
  if (plan.action.kind === 'delete') {
    const at = nowMs + plan.action.afterDisabledMs;
    const next = logged({ ...plan, stage: 'disabled', step: undefined, disabledAt: iso(nowMs), nextAt: iso(at), attempts: 0 }, nowMs, `${text} Deleting it at ${iso(at)}.`);
    return { plan: next, notices };
  }
  return { plan: finish(plan, nowMs, 'done', text), notices };
}

/** Looked at the old token (one GET): decide what to do; the next look no sooner than `minLookMs`. */
export function decide(plan: RotationPlan, nowMs: number, look: Look, minLookMs: number = MIN_LOOK_MS): Decision {
  const seen: RotationPlan = look === 'missing' ? { ...plan, checkedAt: iso(nowMs) } : { ...plan, checkedAt: iso(nowMs), lastAccessAt: look.lastAccessAt ?? null, revision: look.revision };
  const gone = look === 'missing' || look.status === 'Deleted';
  if (gone) {
    const ours = plan.stage === 'acting' && plan.step === 'delete';
    const text = ours ? `Deleted ${who(plan)}.` : `${who(plan)} was already deleted (not by this plan): nothing left to do.`;
    return { plan: finish(seen, nowMs, 'done', text), notices: [{ kind: ours ? 'retired' : 'found', level: ours ? 'success' : 'info', message: text }] };
  }
  const edited = plan.revision !== undefined && look.revision !== undefined && look.revision !== plan.revision && plan.stage !== 'acting';
  const base = edited ? logged(seen, nowMs, `${plan.oldId} was changed by someone else since the last look (revision ${plan.revision} → ${look.revision}).`) : seen;

  if (plan.stage === 'acting') {
    // The call may or may not have happened: the token says which.
    if (plan.step === 'disable' && look.status === 'Disabled') return disabledNow(base, nowMs, `Disabled ${who(plan)}.`, [{ kind: 'retired', level: 'success', message: `Disabled ${who(plan)}: it was replaced by ${plan.newId}.` }]);
    return acting(base, nowMs, plan.step ?? 'disable', 'trying again');
  }

  if (plan.stage === 'disabled') {
    if (look.status === 'Active') {
      const text = `${who(plan)} was enabled again by someone else: Token Desk will not delete it.`;
      return { plan: finish(base, nowMs, 'cancelled', text), notices: [{ kind: 'found', level: 'warning', message: text }] };
    }
    const due = (retirementAt(plan) ?? nowMs) <= nowMs || plan.force === true;
    if (due) return acting(base, nowMs, 'delete', plan.force ? 'asked to retire now' : 'disabled long enough');
    return { plan: { ...base, nextAt: iso(retirementAt(plan) ?? nowMs) }, notices: [] };
  }

  // waiting
  if (look.status === 'Disabled') {
    const text = `${who(plan)} was already disabled (not by this plan).`;
    return disabledNow(base, nowMs, text, [{ kind: 'found', level: 'info', message: text }]);
  }
  if (plan.force) return acting(base, nowMs, 'disable', 'asked to retire now');
  if (plan.when.kind === 'at') {
    if (ms(plan.when.at) <= nowMs) return acting(base, nowMs, 'disable', 'its grace period is over');
    return { plan: { ...base, nextAt: plan.when.at }, notices: [] };
  }
  const { quietMs, deadline, regardless } = plan.when;
  const last = look.lastAccessAt ? ms(look.lastAccessAt) : null;
  const quietUntil = last === null ? -Infinity : last + quietMs;
  if (quietUntil <= nowMs) {
    return acting(base, nowMs, 'disable', last === null ? 'it has never been used' : `not used for ${durationText(nowMs - last)}`);
  }
  if (ms(deadline) <= nowMs) {
    if (regardless) return acting(base, nowMs, 'disable', 'its deadline has come, and the plan says to retire it regardless');
    const text = `${who(plan)} was still in use at its deadline (last used ${durationText(nowMs - (last ?? nowMs))} ago): retire it now, extend or cancel.`;
    const asked = logged({ ...base, stage: 'asking', nextAt: null }, nowMs, text);
    return { plan: asked, notices: [{ kind: 'still-in-use', level: 'warning', message: text }] };
  }
  // Look again when it could first be quiet, never sooner than minLookMs, and at the deadline at the latest.
  const next = Math.min(Math.max(nowMs + minLookMs, quietUntil), ms(deadline));
  return { plan: { ...base, nextAt: iso(next) }, notices: [] };
}

/** The answer to a disable or delete call. `lost`: it may or may not have happened. */
export type ActResult = { ok: true; status?: string | undefined; revision?: number | undefined } | { ok: false; message: string; lost: boolean; notFound?: boolean };

export function afterAct(plan: RotationPlan, nowMs: number, result: ActResult): Decision {
  const step = plan.step ?? 'disable';
  if (result.ok || (!result.ok && result.notFound && step === 'delete')) {
    const withRevision = result.ok && result.revision !== undefined ? { ...plan, revision: result.revision } : plan;
    if (step === 'delete') {
      const text = `Deleted ${who(plan)}.`;
      return { plan: finish(withRevision, nowMs, 'done', text), notices: [{ kind: 'retired', level: 'success', message: `${text} It was replaced by ${plan.newId}.` }] };
    }
    return disabledNow(withRevision, nowMs, `Disabled ${who(plan)}.`, [{ kind: 'retired', level: 'success', message: `Disabled ${who(plan)}: it was replaced by ${plan.newId}.` }]);
  }
  // Failed or unknown: stay `acting`; the next look decides whether it happened.
  return retry(plan, nowMs, `${step === 'disable' ? 'Disabling' : 'Deleting'} ${plan.oldId} did not go through: ${result.message}`);
}

/** A look or a call failed: try again later, backing off, until the plan fails. */
export function retry(plan: RotationPlan, nowMs: number, why: string): Decision {
  const attempts = plan.attempts + 1;
  if (attempts >= MAX_ATTEMPTS) {
    const text = `Retiring ${who(plan)} failed after ${attempts} attempts: ${why}`;
    return { plan: { ...finish(plan, nowMs, 'failed', text), step: plan.step }, notices: [{ kind: 'failed', level: 'error', message: text }] };
  }
  const delay = Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
  const next = logged({ ...plan, attempts, nextAt: iso(nowMs + delay) }, nowMs, `${why}. Trying again in ${durationText(delay)}.`);
  return { plan: next, notices: [] };
}

// ---- the user's actions ---------------------------------------------------------------------

export type UserAction = { kind: 'retireNow' } | { kind: 'extend'; byMs: number } | { kind: 'cancel' };

/** What the user asked for, or why it cannot be done (errors as data: a sentence). */
export function applyUserAction(plan: RotationPlan, nowMs: number, action: UserAction): RotationPlan | string {
  if (plan.stage === 'acting') return `${plan.oldId} is being retired right now; wait for the outcome.`;
  if (plan.stage === 'done' || plan.stage === 'cancelled') return `This plan is already ${plan.stage === 'done' ? 'carried out' : 'cancelled'}.`;
  switch (action.kind) {
    case 'cancel': {
      const kept = plan.stage === 'disabled' ? ` ${plan.oldId} stays Disabled.` : '';
      return finish(plan, nowMs, 'cancelled', `Cancelled by you.${kept}`);
    }
    case 'retireNow': {
      // A failed plan in the middle of a step resumes it through a look, like any other.
      const stage: PlanStage = plan.stage === 'failed' ? (plan.disabledAt ? 'disabled' : 'waiting') : plan.stage === 'asking' ? 'waiting' : plan.stage;
      return logged({ ...plan, stage, force: true, attempts: 0, outcome: undefined, nextAt: iso(nowMs) }, nowMs, 'Retire now: asked by you.');
    }
    case 'extend': {
      if (plan.stage === 'disabled' && plan.action.kind === 'delete') {
        const disabledAt = iso(ms(plan.disabledAt ?? plan.createdAt) + action.byMs);
        const next = { ...plan, disabledAt, nextAt: iso(Math.max(ms(disabledAt) + plan.action.afterDisabledMs, nowMs)), notified: plan.notified.filter((n) => n !== 'hour-before:delete') };
        return logged(next, nowMs, `Delete put off by ${durationText(action.byMs)}.`);
      }
      const from = plan.when.kind === 'at' ? ms(plan.when.at) : ms(plan.when.deadline);
      const target = Math.max(from, nowMs) + action.byMs;
      const when: RotationPlan['when'] = plan.when.kind === 'at' ? { kind: 'at', at: iso(target) } : { ...plan.when, deadline: iso(target) };
      const nextAt = when.kind === 'at' ? when.at : iso(nowMs);
      const next = { ...plan, when, stage: 'waiting' as const, attempts: 0, outcome: undefined, nextAt, notified: plan.notified.filter((n) => n !== 'hour-before:disable') };
      return logged(next, nowMs, `${when.kind === 'at' ? 'Retirement' : 'Deadline'} extended to ${iso(target)}.`);
    }
  }
}
