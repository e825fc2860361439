/**
 * How many list pages may be in flight at once, adapted to what the server tolerates: TCP's
 * AIMD (additive increase, multiplicative decrease). A 429 halves the window (once per round
 * trip: the other requests already in flight when it arrived were sent under the old window,
 * so their 429s are the same signal, not a new one) and a Retry-After holds every new request
 * back until it has passed; each success grows the window by 1/window, i.e. by one page per
 * window of successes, back up to the maximum.
 */
export interface AimdOptions {
  /** The window's ceiling (and where it starts). */
  max: number;
  /** Never below this. Default 1. */
  min?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class AimdWindow {
  private window: number;
  private readonly max: number;
  private readonly min: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private inFlight = 0;
  /** Requests started after the last decrease get a later ticket; older 429s do not cut again. */
  private ticket = 0;
  private cutAt = -1;
  private pausedUntil = 0;
  private waiters: Array<() => void> = [];
  /** Every window size the limiter went through (for tests and the bench). */
  readonly history: number[] = [];

  constructor(options: AimdOptions) {
    this.max = Math.max(1, Math.floor(options.max));
    this.min = Math.max(1, Math.min(this.max, Math.floor(options.min ?? 1)));
    this.window = this.max;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.history.push(this.max);
  }

  /** The whole pages that may be in flight now. */
  get size(): number {
    return Math.max(this.min, Math.floor(this.window));
  }

  /** Waits for a free slot (and for any Retry-After to pass); returns the request's ticket. */
  async acquire(): Promise<number> {
    for (;;) {
      const wait = this.pausedUntil - this.now();
      if (wait > 0) {
        await this.sleep(wait);
        continue;
      }
      if (this.inFlight < this.size) break;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.inFlight += 1;
    return this.ticket++;
  }

  /** The request with this ticket is finished (success or failure). */
  release(ok: boolean): void {
    this.inFlight -= 1;
    if (ok && this.window < this.max) {
      this.window = Math.min(this.max, this.window + 1 / this.window);
      this.note();
    }
    this.wake();
  }

  /** The request with this ticket met a 429 (it is retried by the HTTP client). */
  rateLimited(ticket: number, retryAfterMs?: number): void {
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfterMs);
    if (ticket <= this.cutAt) return;
    this.cutAt = this.ticket - 1;
    this.window = Math.max(this.min, this.window / 2);
    this.note();
  }

  private note(): void {
    const size = this.size;
    if (this.history[this.history.length - 1] !== size) this.history.push(size);
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}
