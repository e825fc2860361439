/**
 * Measuring helpers of the scale benchmark (scale.bench.ts): rounding, quantiles, the event loop's
 * worst lag, and collecting this process's own garbage before a browser part.
 */

export const round = (n: number) => Math.round(n * 10) / 10;
/**
 * This process's garbage from the parts before (the full syncs, the cache runs), collected
 * before a browser part: a major collection in here, at a moment of its choosing, would take CPU
 * from the Chromium being measured. (`npm run bench` runs benches with --expose-gc; without it
 * this does nothing.)
 */
export function collectOwnGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

/** The longest the event loop went without a turn while `work` ran (a 1 ms ticker's worst lag). */
export async function worstLag<T>(work: () => Promise<T>): Promise<{ value: T; lagMs: number }> {
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  try {
    const value = await work();
    return { value, lagMs: worst };
  } finally {
    clearInterval(ticker);
  }
}

