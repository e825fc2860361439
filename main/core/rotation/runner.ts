/**
 * Carries out rotation plans (plan.ts decides, this file does): one runner per app, in main,
 * while the app is open or in the tray. It owns the one timer (armed for the earliest thing any
 * plan waits for; none when nothing is pending, so an idle app makes no request), the API calls
 * (one GET of the old token per look, then the disable or delete), the disk (plan-store.ts) and
 * the notices.
 *
 * Never twice: each plan is handled by one job at a time (a lock per plan id, in this one
 * process: every window's calls reach this same runner), and the `acting` stage is written before
 * a call goes out (plan.ts says why). The clock comes from outside, so tests run days in
 * milliseconds.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionProfile } from '../../../common/contract';
import type { ApiToken } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { isLostAnswer } from '../../../common/lost-answer';
import { isPending, type PlanView, type RotationPlan } from '../../../common/rotation';
import type { MarketplaceClient } from '../api';
import { afterAct, applyUserAction, decide, fellDue, MIN_LOOK_MS, needsLook, newPlan, remind, retry, wakeAt, type Decision, type NewPlanInput, type PlanNotice, type UserAction } from './plan';
import type { PlanStore } from './plan-store';

export interface RunnerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time; the timer never keeps a Node process (tests, the browser host) alive. */
export const systemClock: RunnerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** setTimeout overflows a 32-bit millisecond delay, and a sleeping laptop skews long ones: long waits are re-armed in steps. */
const MAX_TIMER_MS = 6 * 60 * 60_000;

export interface RunnerDeps {
  store: PlanStore;
  /** The saved connections (plans of a removed connection are not run). */
  connections(): ConnectionProfile[];
  clientFor(profile: ConnectionProfile): Promise<MarketplaceClient>;
  clock?: RunnerClock;
  /** A desktop notification (the host decides how). */
  notify?(notice: PlanNotice, plan: RotationPlan): void;
  /** A plan changed (the pages refresh their view of it). */
  changed?(plan: RotationPlan): void;
  /** The old token changed through a plan (the cached list follows). */
  tokenChanged?(connectionId: string, change: { token: ApiToken } | { deletedId: string }): void;
  newId?(): string;
  /** The shortest time between two looks at one old token (default: plan.ts's MIN_LOOK_MS). */
  minLookMs?: number;
}

export class RotationRunner {
  private readonly clock: RunnerClock;
  private readonly busy = new Map<string, Promise<unknown>>();
  private timer: unknown;
  private timerAt: number | null = null;
  private stopped = false;
  private started: Promise<void> | undefined;
  private reporting: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RunnerDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  /**
   * Loads every connection's plans and catches up: a plan that fell due while the app was closed
   * is carried out now, and says so once (its `report`).
   */
  start(): Promise<void> {
    this.started ??= (async () => {
      const now = this.clock.now();
      for (const profile of this.deps.connections()) {
        let plans: RotationPlan[];
        try {
          plans = await this.deps.store.load(profile.id);
        } catch {
          continue; // an unreadable file was moved aside and is reported with the start-up notices
        }
        for (const plan of plans) {
          if (fellDue(plan, now)) {
            await this.deps.store.put({ ...plan, report: 'fell due while Token Desk was closed' });
          }
        }
      }
      await this.runDue();
    })();
    return this.started;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async allPlans(): Promise<RotationPlan[]> {
    const lists = await Promise.all(this.deps.connections().map((p) => this.deps.store.load(p.id).catch(() => [] as RotationPlan[])));
    return lists.flat();
  }

  /** Every plan, across connections, newest first, with its connection's name. */
  async list(): Promise<PlanView[]> {
    const names = new Map(this.deps.connections().map((p) => [p.id, p.name]));
    const plans = await this.allPlans();
    return plans.map((p) => ({ ...p, connectionName: names.get(p.connectionId) ?? p.connectionId })).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Makes a plan for a rotation just done, and runs it if it is due ("now"). */
  async create(input: Omit<NewPlanInput, 'id'>): Promise<RotationPlan> {
    const existing = (await this.deps.store.load(input.connectionId)).find((p) => p.oldId === input.oldId && isPending(p.stage));
    // The same plan asked for again (a retry after a lost answer) is the one already made.
    if (existing && existing.newId === input.newId) return existing;
    if (existing) {
      // One pending plan per old token: a second rotation of it must not retire it twice.
      throw new DeskError({ code: 'conflict', message: `${input.oldId} already has a pending retirement plan (replaced by ${existing.newId}). Cancel that plan first.` });
    }
    const plan = newPlan({ ...input, id: this.deps.newId?.() ?? randomUUID() }, this.clock.now());
    await this.deps.store.put(plan);
    this.deps.changed?.(plan);
    await this.runDue();
    return (await this.find(plan.connectionId, plan.id)) ?? plan;
  }

  /** Retire now, extend or cancel. A plan being acted on is refused with the reason. */
  async userAction(connectionId: string, planId: string, action: UserAction): Promise<RotationPlan> {
    const result = await this.exclusive(planId, async () => {
      const plan = await this.find(connectionId, planId);
      if (!plan) throw new DeskError({ code: 'not_found', message: 'This rotation plan no longer exists.' });
      const next = applyUserAction(plan, this.clock.now(), action);
      if (typeof next === 'string') throw new DeskError({ code: 'conflict', message: next });
      await this.save(next);
      return next;
    });
    if (result === undefined) throw new DeskError({ code: 'conflict', message: 'This plan is being carried out right now; wait for the outcome.' });
    await this.runDue();
    return (await this.find(connectionId, planId)) ?? result;
  }

  /**
   * Catch-up reports not shown yet; taking them marks them shown (each is reported once). Every
   * window asks at its launch: the takes run one after another, so two windows opening together
   * cannot both read a report before either has marked it; and each waits for the catch-up of
   * `start()`, so a window that opens while it runs still hears of it.
   */
  takeReports(): Promise<string[]> {
    const take = this.reporting.then(async () => {
      await this.started;
      const out: string[] = [];
      for (const plan of await this.allPlans()) {
        if (plan.report === undefined || plan.stage === 'waiting' || plan.stage === 'acting') continue;
        const last = plan.history.at(-1)?.text ?? '';
        out.push(`While Token Desk was closed, the retirement of ${plan.oldId} “${plan.oldName}” fell due. ${last}`);
        await this.deps.store.put({ ...plan, report: undefined });
      }
      return out;
    });
    this.reporting = take.catch(() => undefined);
    return take;
  }

  private async find(connectionId: string, planId: string): Promise<RotationPlan | undefined> {
    return (await this.deps.store.load(connectionId)).find((p) => p.id === planId);
  }

  private async save(plan: RotationPlan): Promise<void> {
    await this.deps.store.put(plan);
    this.deps.changed?.(plan);
  }

  /** Runs `job` unless the plan is already being handled (then undefined). */
  private async exclusive<T>(planId: string, job: () => Promise<T>): Promise<T | undefined> {
    if (this.busy.has(planId)) return undefined;
    const running = job();
    this.busy.set(planId, running);
    try {
      return await running;
    } finally {
      this.busy.delete(planId);
    }
  }

  /** Handles every plan that is due, then arms the timer for the next one. */
  async runDue(): Promise<void> {
    if (this.stopped) return;
    const plans = await this.allPlans();
    await Promise.all(plans.map((plan) => this.exclusive(plan.id, () => this.handle(plan.connectionId, plan.id))));
    await this.arm();
  }

  private async arm(): Promise<void> {
    if (this.stopped) return;
    let next: number | null = null;
    for (const plan of await this.allPlans()) {
      const at = isPending(plan.stage) ? wakeAt(plan) : null;
      if (at !== null && (next === null || at < next)) next = at;
    }
    if (next === this.timerAt && this.timer !== undefined) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next === null) return; // nothing pending: no timer, no request
    const delay = Math.min(Math.max(next - this.clock.now(), 0), MAX_TIMER_MS);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = null;
      void this.runDue();
    }, delay);
  }

  private async handle(connectionId: string, planId: string): Promise<void> {
    let plan = await this.find(connectionId, planId);
    if (!plan || !isPending(plan.stage)) return;
    const reminded = remind(plan, this.clock.now());
    if (reminded.plan !== plan) plan = await this.apply(reminded);
    if (!needsLook(plan, this.clock.now())) return;

    const profile = this.deps.connections().find((p) => p.id === connectionId);
    if (!profile) return;
    let client: MarketplaceClient;
    let decision: Decision;
    try {
      client = await this.deps.clientFor(profile);
      const look = await client.tokens.get(plan.oldId).then(
        (token) => ({ status: token.status, lastAccessAt: token.lastAccessAt ?? null, revision: token.revision }),
        (error: unknown) => {
          if (DeskError.is(error) && error.code === 'not_found') return 'missing' as const;
          throw error;
        },
      );
      decision = decide(plan, this.clock.now(), look, this.deps.minLookMs ?? MIN_LOOK_MS);
    } catch (error) {
      await this.apply(retry(plan, this.clock.now(), `Could not look at ${plan.oldId}: ${messageOf(error)}`));
      return;
    }
    // The `acting` stage reaches the disk before the call goes out.
    plan = await this.apply(decision);
    // A quiet-plan looked at after a start but still in use: nothing fell due after all.
    if (!decision.act && plan.report !== undefined && plan.stage === 'waiting') plan = await this.apply({ plan: { ...plan, report: undefined }, notices: [] });
    if (!decision.act) return;
    const step = decision.act;
    try {
      if (step === 'disable') {
        const token = await client.tokens.disable(plan.oldId);
        this.deps.tokenChanged?.(connectionId, { token });
        await this.apply(afterAct(plan, this.clock.now(), { ok: true, status: token.status, revision: token.revision }));
      } else {
        await client.tokens.delete(plan.oldId);
        this.deps.tokenChanged?.(connectionId, { deletedId: plan.oldId });
        await this.apply(afterAct(plan, this.clock.now(), { ok: true }));
      }
    } catch (error) {
      const notFound = DeskError.is(error) && error.code === 'not_found';
      if (notFound && step === 'delete') this.deps.tokenChanged?.(connectionId, { deletedId: plan.oldId });
      const lost = DeskError.is(error) && isLostAnswer(error);
      await this.apply(afterAct(plan, this.clock.now(), { ok: false, message: messageOf(error), lost, notFound }));
    }
  }

  private async apply(decision: Decision): Promise<RotationPlan> {
    await this.save(decision.plan);
    for (const notice of decision.notices) this.deps.notify?.(notice, decision.plan);
    return decision.plan;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'unknown error';
}
