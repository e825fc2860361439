/**
 * The plan state machine alone (plan.ts): pure, so days of a plan are a loop over instants.
 */
import { describe, expect, it } from 'vitest';
import { retireChoiceSchema, type RotationPlan } from '../../../common/rotation-schemas';
import { afterAct, applyUserAction, decide, MAX_ATTEMPTS, MIN_LOOK_MS, newPlan, remind, retry, wakeAt } from '../../../main/core/rotation/plan';
import { DAY, HOUR, MIN } from './harness';

const T0 = Date.parse('2026-03-07T12:00:00.000Z');
const make = (retire: unknown, action: RotationPlan['action'] = { kind: 'disable' }, now = T0) =>
  newPlan({ id: 'p', connectionId: 'c', oldId: 'TKN-1111-1111', newId: 'TKN-2222-2222', oldName: 'CI', retire: retireChoiceSchema.parse(retire), action }, now);
const active = (lastAccessAt: number | null, revision = 1) => ({ status: 'Active', lastAccessAt: lastAccessAt === null ? null : new Date(lastAccessAt).toISOString(), revision });

describe('grace period', () => {
  it('waits until the instant, then disables; an hour before it reminds once', () => {
    let plan = make({ kind: 'grace', graceMs: DAY });
    expect(plan.when).toEqual({ kind: 'at', at: '2026-03-08T12:00:00.000Z' });
    expect(wakeAt(plan)).toBe(T0 + DAY - HOUR); // the reminder comes first
    const r = remind(plan, T0 + DAY - HOUR);
    expect(r.notices.map((n) => n.kind)).toEqual(['hour-before']);
    plan = r.plan;
    expect(remind(plan, T0 + DAY - 30 * MIN).notices).toEqual([]);
    expect(wakeAt(plan)).toBe(T0 + DAY);
    const d = decide(plan, T0 + DAY, active(T0 + DAY - MIN));
    expect(d.act).toBe('disable');
    expect(d.plan.stage).toBe('acting');
    const done = afterAct(d.plan, T0 + DAY + 1000, { ok: true, status: 'Disabled', revision: 2 });
    expect(done.plan.stage).toBe('done');
    expect(done.notices.map((n) => n.kind)).toEqual(['retired']);
    expect(wakeAt(done.plan)).toBeNull();
  });

  it('a 1 h grace has no hour-before reminder; a date in the past means now', () => {
    expect(wakeAt(make({ kind: 'grace', graceMs: HOUR }))).toBe(T0 + HOUR);
    expect(make({ kind: 'date', at: '2020-01-01T00:00:00Z' }).when).toEqual({ kind: 'at', at: new Date(T0).toISOString() });
  });

  it('24 h is 24 real hours across a daylight-saving change, whatever the time zone', () => {
    // 2026-03-08 is the US spring-forward day; 2026-03-29 the EU one.
    for (const start of ['2026-03-07T15:00:00-05:00', '2026-03-28T12:00:00+01:00']) {
      const plan = make({ kind: 'grace', graceMs: DAY }, { kind: 'disable' }, Date.parse(start));
      expect(Date.parse(plan.when.kind === 'at' ? plan.when.at : '') - Date.parse(start)).toBe(DAY);
      expect(plan.when.kind === 'at' && plan.when.at.endsWith('Z')).toBe(true);
    }
  });
});

describe('when quiet', () => {
  const quiet = (regardless = false) => make({ kind: 'quiet', quietMs: 6 * HOUR, deadlineMs: 3 * DAY, regardless });

  it('looks at once, then when the token could first be quiet, never sooner than the minimum', () => {
    const plan = quiet();
    expect(wakeAt(plan)).toBe(T0);
    const used = decide(plan, T0, active(T0 - 10 * MIN));
    expect(used.act).toBeUndefined();
    expect(used.plan.lastAccessAt).toBe(new Date(T0 - 10 * MIN).toISOString());
    expect(Date.parse(used.plan.nextAt ?? '')).toBe(T0 - 10 * MIN + 6 * HOUR);
    const justUsed = decide(plan, T0, active(T0));
    expect(Date.parse(justUsed.plan.nextAt ?? '')).toBeGreaterThanOrEqual(T0 + MIN_LOOK_MS);
  });

  it('a shorter minimum between looks (a test host) still waits for the quiet time, and no longer', () => {
    const plan = make({ kind: 'quiet', quietMs: MIN, deadlineMs: 10 * MIN });
    // Used a second ago: looked at again when it could first be quiet, not a second minute later.
    const used = decide(plan, T0, active(T0 - 1_000), 5_000);
    expect(Date.parse(used.plan.nextAt ?? '')).toBe(T0 - 1_000 + MIN);
    // Just used: the minimum holds even when the quiet time would be sooner.
    const quick = make({ kind: 'quiet', quietMs: MIN, deadlineMs: 10 * MIN });
    expect(Date.parse(decide(quick, T0, active(T0 - MIN + 1_000), 5_000).plan.nextAt ?? '')).toBe(T0 + 5_000);
    expect(Date.parse(decide(quick, T0, active(T0 - MIN + 1_000)).plan.nextAt ?? '')).toBe(T0 + MIN_LOOK_MS);
  });

  it('retires once unused for the quiet time (a never-used token at once)', () => {
    expect(decide(quiet(), T0, active(T0 - 7 * HOUR)).act).toBe('disable');
    expect(decide(quiet(), T0, active(null)).act).toBe('disable');
  });

  it('a token used all along: the looks stay spaced, and at the deadline it asks (no call)', () => {
    let plan = quiet();
    let now = T0;
    let looks = 0;
    while (plan.stage === 'waiting') {
      now = Date.parse(plan.nextAt ?? '');
      const d = decide(plan, now, active(now - 1000));
      expect(d.act).toBeUndefined();
      plan = d.plan;
      looks += 1;
    }
    expect(plan.stage).toBe('asking');
    expect(now).toBe(T0 + 3 * DAY);
    expect(looks).toBeLessThanOrEqual(3 * 4 + 2); // one look per quiet window (6 h), not per minute
    expect(wakeAt(plan)).toBeNull();
  });

  it('at the deadline "regardless" retires even a token in use', () => {
    const d = decide(quiet(true), T0 + 3 * DAY, active(T0 + 3 * DAY - 1000));
    expect(d.act).toBe('disable');
  });
});

describe('re-checked before acting', () => {
  it('already deleted or disabled by someone else: the plan says so and sends nothing', () => {
    const plan = make({ kind: 'now' });
    const gone = decide(plan, T0, 'missing');
    expect(gone.act).toBeUndefined();
    expect(gone.plan.stage).toBe('done');
    expect(gone.plan.outcome).toMatch(/already deleted/);
    const off = decide(plan, T0, { status: 'Disabled', lastAccessAt: null, revision: 2 });
    expect(off.act).toBeUndefined();
    expect(off.plan.outcome).toMatch(/already disabled/);
  });

  it('edited by someone else: noted in the history, retired as planned', () => {
    let plan = make({ kind: 'grace', graceMs: HOUR });
    plan = { ...plan, revision: 1 };
    const d = decide(plan, T0 + HOUR, active(null, 3));
    expect(d.act).toBe('disable');
    expect(d.plan.history.map((h) => h.text).join('\n')).toMatch(/changed by someone else/);
  });

  it('acting after a lost answer: a Disabled token counts as done (never disabled twice)', () => {
    const acting = decide(make({ kind: 'now' }), T0, active(null)).plan;
    const lost = afterAct(acting, T0, { ok: false, message: 'timeout', lost: true });
    expect(lost.plan.stage).toBe('acting');
    const look = decide(lost.plan, Date.parse(lost.plan.nextAt ?? ''), { status: 'Disabled', lastAccessAt: null, revision: 2 });
    expect(look.act).toBeUndefined();
    expect(look.plan.stage).toBe('done');
  });

  it('delete: disabled first, deleted after the chosen time; enabled again by someone else → not deleted', () => {
    const plan = make({ kind: 'now' }, { kind: 'delete', afterDisabledMs: DAY });
    const disabled = afterAct(decide(plan, T0, active(null)).plan, T0, { ok: true, revision: 2 }).plan;
    expect(disabled.stage).toBe('disabled');
    expect(wakeAt(disabled)).toBe(T0 + DAY - HOUR);
    expect(decide(disabled, T0 + DAY, { status: 'Disabled', lastAccessAt: null, revision: 2 }).act).toBe('delete');
    const reenabled = decide(disabled, T0 + DAY, active(null, 3));
    expect(reenabled.act).toBeUndefined();
    expect(reenabled.plan.stage).toBe('cancelled');
    expect(reenabled.plan.outcome).toMatch(/enabled again/);
  });
});

describe('retries and the user', () => {
  it('backs off, doubling, then fails with a notice', () => {
    let plan = make({ kind: 'now' });
    const gaps: number[] = [];
    let now = T0;
    for (let i = 1; i < MAX_ATTEMPTS; i += 1) {
      plan = retry(plan, now, 'offline').plan;
      gaps.push(Date.parse(plan.nextAt ?? '') - now);
      now = Date.parse(plan.nextAt ?? '');
    }
    expect(gaps.slice(0, 3)).toEqual([MIN, 2 * MIN, 4 * MIN]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(HOUR);
    const failed = retry(plan, now, 'offline');
    expect(failed.plan.stage).toBe('failed');
    expect(failed.notices.map((n) => n.kind)).toEqual(['failed']);
  });

  it('cancel, extend and retire now; an acting or finished plan refuses with a sentence', () => {
    const plan = make({ kind: 'grace', graceMs: DAY });
    const extended = applyUserAction(plan, T0, { kind: 'extend', byMs: DAY }) as RotationPlan;
    expect(extended.when).toEqual({ kind: 'at', at: new Date(T0 + 2 * DAY).toISOString() });
    const now = applyUserAction(plan, T0, { kind: 'retireNow' }) as RotationPlan;
    expect(decide(now, T0, active(T0)).act).toBe('disable');
    const cancelled = applyUserAction(plan, T0, { kind: 'cancel' }) as RotationPlan;
    expect(cancelled.stage).toBe('cancelled');
    expect(applyUserAction(cancelled, T0, { kind: 'retireNow' })).toMatch(/already cancelled/);
    const acting = decide(now, T0, active(T0)).plan;
    expect(applyUserAction(acting, T0, { kind: 'cancel' })).toMatch(/being retired right now/);
  });

  it('asking at the deadline: extend goes back to waiting with a later deadline', () => {
    const plan = make({ kind: 'quiet', quietMs: 15 * MIN, deadlineMs: HOUR });
    const asking = decide(plan, T0 + HOUR, active(T0 + HOUR)).plan;
    expect(asking.stage).toBe('asking');
    const extended = applyUserAction(asking, T0 + HOUR, { kind: 'extend', byMs: DAY }) as RotationPlan;
    expect(extended.stage).toBe('waiting');
    expect(extended.when.kind === 'quiet' && extended.when.deadline).toBe(new Date(T0 + HOUR + DAY).toISOString());
  });
});
