/**
 * The weekly digest, in main: once a week, while the app is open or in the tray, one desktop
 * notification that sums up what needs attention across every connection, opening the Overview.
 * Opt-in (the `weeklyDigest` setting): while it is off nothing is armed. What it remembers
 * (store.ts) makes a restart neither fire again nor skip a week, and an app closed past the due
 * time fires once at the next start, not once per missed week. The clock comes from outside, as
 * the rotation runner's does, so tests run weeks in milliseconds.
 *
 * A week with nothing to report passes quietly: a notification that says nothing teaches people
 * to ignore the next one. Asked for from the tray, the digest always answers, "nothing" included.
 */
import { systemClock, type RunnerClock } from '../rotation/runner';
import type { DigestState, DigestStore } from './store';

export const DIGEST_WEEK_MS = 7 * 24 * 60 * 60_000;
/** A digest that could not be put together (the cache unreadable) is tried again after this. */
const RETRY_MS = 60 * 60_000;
/** setTimeout overflows a 32-bit millisecond delay, and a sleeping laptop skews long ones: long waits are re-armed in steps. */
const MAX_TIMER_MS = 6 * 60 * 60_000;

export interface DigestMessage {
  title: string;
  body: string;
  /** How many findings it sums up (0: nothing needs attention). */
  count: number;
}

/** How a host hears the digest (both the weekly one and the tray's). */
export interface DigestEvents {
  onDigest(fn: (message: DigestMessage) => void): void;
}

export interface DigestDeps {
  store: DigestStore;
  /** The setting, read at each decision. */
  enabled(): boolean;
  /** What needs attention now, in words. */
  summarize(): Promise<DigestMessage>;
  /** Shows it (the host decides how: Electron an OS notification that opens the Overview). */
  notify(message: DigestMessage): void;
  clock?: RunnerClock;
}

export const DIGEST_FAILED: Omit<DigestMessage, 'count'> = {
  title: 'Token Desk: what needs attention',
  body: 'Token Desk could not sum up what needs attention. Open the Overview to see it.',
};

export class DigestRunner {
  private readonly clock: RunnerClock;
  private state: DigestState | undefined;
  private timer: unknown;
  private stopped = false;
  /** Only a host that shows desktop notifications starts the digest; until then a setting change arms nothing. */
  private running = false;
  /** Decisions run one after another, so a setting flipped mid-digest cannot fire it twice. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DigestDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  /** Reads what was remembered and catches up: a digest that fell due while the app was closed fires now, once. */
  start(): Promise<void> {
    this.running = true;
    return this.sync();
  }

  /** The setting changed: arm, or drop the timer. */
  settingChanged(): Promise<void> {
    return this.running ? this.sync() : Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  /** The tray's "What needs attention": now, whatever the setting, without moving the weekly one. */
  async showNow(): Promise<void> {
    let message: DigestMessage;
    try {
      message = await this.deps.summarize();
    } catch {
      message = { ...DIGEST_FAILED, count: 0 };
    }
    this.deps.notify(message);
  }

  /** When the next weekly digest falls due, or null while it is off (for tests and the Settings page). */
  nextAt(): number | null {
    if (!this.deps.enabled() || !this.state) return null;
    return dueAt(this.state, this.clock.now());
  }

  private sync(): Promise<void> {
    const run = this.queue.then(() => this.decide());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async decide(): Promise<void> {
    this.disarm();
    if (this.stopped) return;
    const now = this.clock.now();
    this.state ??= await this.deps.store.load();
    if (!this.deps.enabled()) {
      // Turning it on again later starts a fresh week rather than firing for the time it was off.
      if (this.state.onSince !== undefined) await this.remember({ lastFiredAt: this.state.lastFiredAt });
      return;
    }
    if (this.state.onSince === undefined) await this.remember({ ...this.state, onSince: new Date(now).toISOString() });
    const due = dueAt(this.state, now);
    if (due > now) return this.arm(due);

    let message: DigestMessage;
    try {
      message = await this.deps.summarize();
    } catch {
      return this.arm(now + RETRY_MS);
    }
    if (this.stopped || !this.deps.enabled()) return;
    // Remembered before it is shown: a crash in between loses one digest rather than repeating it.
    await this.remember({ ...this.state, lastFiredAt: new Date(now).toISOString() });
    if (message.count > 0) this.deps.notify(message);
    this.arm(now + DIGEST_WEEK_MS);
  }

  /** Kept in memory first, so a disk that refuses the write still cannot make it fire twice this run. */
  private async remember(state: DigestState): Promise<void> {
    this.state = state;
    try {
      await this.deps.store.save(state);
    } catch {
      // The next start may show one digest again; that is better than none at all.
    }
  }

  private arm(at: number): void {
    if (this.stopped) return;
    const delay = Math.min(Math.max(at - this.clock.now(), 0), MAX_TIMER_MS);
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.sync();
    }, delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A week after the later of the last digest and the moment it was turned on; a clock set back counts from now. */
function dueAt(state: DigestState, now: number): number {
  const times = [state.lastFiredAt, state.onSince].filter((t): t is string => t !== undefined).map((t) => Date.parse(t));
  const base = Math.min(Math.max(...times, -Infinity), now);
  return (Number.isFinite(base) ? base : now) + DIGEST_WEEK_MS;
}
