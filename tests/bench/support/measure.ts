/**
 * Measuring helpers of the benchmarks: rounding, quantiles, the event loop's worst lag and
 * longest task, the machine's load, and collecting this process's own garbage before a browser part.
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

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

/** The machine's 1-minute load average (how busy the 2 cores were: every CPU-bound figure stretches with it). */
export const load1m = (): number => +os.loadavg()[0]!.toFixed(2);

/**
 * How fast this machine runs JavaScript right now: the median of three runs of one fixed piece of
 * work (objects built, serialised, parsed and sorted), in ms. The same code on the same kind of
 * machine can be half as fast from one hour to the next; this says which speed a run had.
 */
export function speedProbeMs(): number {
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: `TKN-${String(i).padStart(8, '0')}`, n: (i * 7919) % 100_003 }));
    const back = JSON.parse(JSON.stringify(rows)) as typeof rows;
    back.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1));
    if (back.length !== rows.length) throw new Error('speed probe lost rows');
    runs.push(performance.now() - t0);
  }
  return Math.round(runs.sort((a, b) => a - b)[1]!);
}

/**
 * The 1-minute load and the speed probe when a bench starts; `end()` gives them with both again
 * when it ends. Every bench prints them beside its figures, so a figure can be read against how
 * busy and how fast the machine was.
 */
export function watchLoad(): { end(): { before: number; after: number; speedProbeMs: { before: number; after: number } } } {
  const before = load1m();
  const probeBefore = speedProbeMs();
  return { end: () => ({ before, after: load1m(), speedProbeMs: { before: probeBefore, after: speedProbeMs() } }) };
}

/**
 * The longest this process's event loop was held while `work` ran (perf_hooks' event-loop delay
 * histogram at 5 ms resolution, so the watching itself costs next to nothing): the longest an IPC
 * reply or a WebSocket message would have waited in main.
 */
export async function longestTask<T>(work: () => Promise<T>): Promise<{ value: T; longestMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  try {
    const value = await work();
    return { value, longestMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}
