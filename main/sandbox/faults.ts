/**
 * Fault injection for resilience tests. The choice is drawn from a seeded PRNG, so a given
 * seed produces the same fault sequence for the same request sequence.
 */
import { createPrng, type Prng } from './prng';
import type { FaultOptions } from './options';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'drop-before' }
  | { kind: 'drop-after' }
  | { kind: 'error'; status: 500 | 502 | 503 }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'malformed' };

const ERROR_STATUSES = [500, 502, 503] as const;

export type FaultCounts = Record<Exclude<FaultDecision['kind'], 'none'>, number>;

export class FaultInjector {
  private options: FaultOptions = {};
  private rng: Prng = createPrng(1);
  /** What was injected since start (figures for the fault tests; setting new faults keeps them). */
  readonly injected: FaultCounts = { 'drop-before': 0, 'drop-after': 0, error: 0, 'rate-limit': 0, malformed: 0 };

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.rng = createPrng(options.seed ?? 1);
  }

  get hostile(): FaultOptions['hostile'] {
    return this.options.hostile;
  }

  get latencyMs(): number {
    return Math.max(0, this.options.latencyMs ?? 0);
  }

  /** One draw per fault kind, in a fixed order, so rates are independent of each other. */
  decide(method: string): FaultDecision {
    const decision = this.draw(method);
    if (decision.kind !== 'none') this.injected[decision.kind] += 1;
    return decision;
  }

  private draw(method: string): FaultDecision {
    const o = this.options;
    if (this.hit(o.dropRate)) return o.dropPhase === 'before' ? { kind: 'drop-before' } : { kind: 'drop-after' };
    if (this.hit(o.errorRate)) return { kind: 'error', status: this.rng.pick(ERROR_STATUSES) };
    if (this.hit(o.rateLimitRate)) return { kind: 'rate-limit', retryAfterSeconds: o.retryAfterSeconds ?? 1 };
    // Malformed bodies only for GETs: a mutation with an unreadable answer is what drop-after models.
    if (method === 'GET' && this.hit(o.malformedRate)) return { kind: 'malformed' };
    return { kind: 'none' };
  }

  private hit(rate: number | undefined): boolean {
    if (!rate || rate <= 0) return false;
    return this.rng.next() < rate;
  }
}
