/**
 * The runner on a fake clock: days of plans in milliseconds, the requests they cost, catch-up
 * after a closed app, and "never twice" under lost answers and concurrent clicks.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../common/errors';
import { advance, DAY, FakeApi, HOUR, makeRunner, MIN } from './harness';

const OLD = 'TKN-1111-1111';
const NEW = 'TKN-2222-2222';
const T0 = Date.parse('2026-10-24T22:00:00.000Z'); // the EU autumn change falls inside these days

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const gets = (api: FakeApi) => api.calls.filter((c) => c.startsWith('get')).length;

describe('RotationRunner', () => {
  it('quiet plan: waits while a script keeps using the old value, disables about the quiet time after it stops', async () => {
    const { api, runner, notices } = makeRunner();
    api.add(OLD, { lastAccessAt: new Date(T0).toISOString() });
    const script = setInterval(() => api.use(OLD), 20_000);
    await runner.create({ connectionId: 'conn-1', oldId: OLD, newId: NEW, oldName: 'CI', retire: { kind: 'quiet', quietMs: MIN, deadlineMs: 10 * MIN, regardless: false }, action: { kind: 'disable' } });
    await advance(4 * MIN);
    expect(api.tokens.get(OLD)?.status).toBe('Active');
    const [plan] = await runner.list();
    expect(plan?.stage).toBe('waiting');
    expect(Date.now() - Date.parse(plan?.lastAccessAt ?? '')).toBeLessThan(MIN);
    clearInterval(script);
    const stoppedAt = Date.now();
    await advance(3 * MIN);
    expect(api.tokens.get(OLD)?.status).toBe('Disabled');
    const [done] = await runner.list();
    expect(done?.stage).toBe('done');
    const retiredAt = Date.parse(done?.history.at(-1)?.at ?? '');
    expect(retiredAt - stoppedAt).toBeGreaterThanOrEqual(MIN - 20_000);
    expect(retiredAt - stoppedAt).toBeLessThanOrEqual(2 * MIN);
    expect(api.calls.filter((c) => c.startsWith('disable'))).toEqual([`disable ${OLD}`]);
    // One small GET per look, at most one a minute.
    expect(gets(api)).toBeLessThanOrEqual(Math.ceil((retiredAt - T0) / MIN) + 1);
    expect(notices.map((n) => n.kind)).toEqual(['retired']);
    expect(vi.getTimerCount()).toBe(0); // nothing pending: no timer, no request
  });

  it('a 7-day grace plan costs no request until it falls due, reminds an hour before, then disables', async () => {
    const { api, runner, notices } = makeRunner();
    api.add(OLD);
    await runner.create({ connectionId: 'conn-1', oldId: OLD, newId: NEW, oldName: 'CI', retire: { kind: 'grace', graceMs: 7 * DAY }, action: { kind: 'disable' } });
    await advance(7 * DAY - HOUR - 1000);
    expect(api.calls).toEqual([]);
    expect(notices).toEqual([]);
    await advance(2000);
    expect(notices.map((n) => n.kind)).toEqual(['hour-before']);
    await advance(HOUR);
    expect(api.calls).toEqual([`get ${OLD}`, `disable ${OLD}`]);
    expect(notices.map((n) => n.kind)).toEqual(['hour-before', 'retired']);
  });

  it('a plan due while the app was closed is carried out at the next start and reported once', async () => {
    const first = makeRunner();
    first.api.add(OLD);
    await first.runner.create({ connectionId: 'conn-1', oldId: OLD, newId: NEW, oldName: 'CI', retire: { kind: 'grace', graceMs: HOUR }, action: { kind: 'disable' } });
    first.runner.stop(); // the app quits
    await advance(5 * HOUR);
    expect(first.api.calls).toEqual([]);
    const second = makeRunner({ api: first.api, disk: first.disk }); // the next start, same files
    await second.runner.start();
    expect(first.api.tokens.get(OLD)?.status).toBe('Disabled');
    const reports = await second.runner.takeReports();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/While Token Desk was closed, the retirement of TKN-1111-1111 “CI” fell due\. Disabled/);
    expect(await second.runner.takeReports()).toEqual([]);
    const third = makeRunner({ api: first.api, disk: first.disk });
    await third.runner.start();
    expect(await third.runner.takeReports()).toEqual([]);
  });

  it('never acts twice: a lost disable answer is re-checked, and concurrent retire-now clicks make one call', async () => {
    const { api, runner } = makeRunner();
    api.add(OLD);
    api.failNext = { kind: 'disable', count: 1, error: new DeskError({ code: 'timeout', message: 'The request timed out.' }), afterEffect: true };
    const plan = await runner.create({ connectionId: 'conn-1', oldId: OLD, newId: NEW, oldName: 'CI', retire: { kind: 'grace', graceMs: DAY }, action: { kind: 'disable' } });
    const clicks = await Promise.allSettled([
      runner.userAction('conn-1', plan.id, { kind: 'retireNow' }),
      runner.userAction('conn-1', plan.id, { kind: 'retireNow' }),
      runner.runDue(),
      runner.runDue(),
    ]);
    expect(clicks.filter((c) => c.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const [afterLost] = await runner.list();
    expect(afterLost?.stage).toBe('acting'); // the answer was lost: unknown until the next look
    await advance(2 * MIN);
    const [done] = await runner.list();
    expect(done?.stage).toBe('done');
    expect(api.calls.filter((c) => c.startsWith('disable'))).toEqual([`disable ${OLD}`]);
  });

  it('a failing API is retried with backoff, then the plan fails and says why; retire now resumes it', async () => {
    const { api, runner, notices } = makeRunner();
    api.add(OLD);
    api.failNext = { kind: 'get', count: 100, error: new DeskError({ code: 'server', message: 'Service unavailable.', status: 503 }) };
    const plan = await runner.create({ connectionId: 'conn-1', oldId: OLD, newId: NEW, oldName: 'CI', retire: { kind: 'now' }, action: { kind: 'disable' } });
    await advance(DAY);
    const [failed] = await runner.list();
    expect(failed?.stage).toBe('failed');
    expect(failed?.outcome).toMatch(/Service unavailable/);
    expect(gets(api)).toBe(8);
    expect(notices.map((n) => n.kind)).toEqual(['failed']);
    api.failNext = undefined;
    await runner.userAction('conn-1', plan.id, { kind: 'retireNow' });
    expect(api.tokens.get(OLD)?.status).toBe('Disabled');
  });

  it('one pending plan per old token; the same replacement again returns nothing new', async () => {
    const { api, runner } = makeRunner();
    api.add(OLD);
    const input = { connectionId: 'conn-1', oldId: OLD, newId: NEW, oldName: 'CI', retire: { kind: 'grace', graceMs: DAY }, action: { kind: 'disable' } } as const;
    const a = await runner.create(input);
    const b = await runner.create(input);
    expect(b.id).toBe(a.id);
    await expect(runner.create({ ...input, newId: 'TKN-3333-3333' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await runner.list()).toHaveLength(1);
  });
});
