/**
 * Throttled progress: the concurrent pager reports after every page (100 pages for 10,000
 * tokens, arriving in bursts of 6). Each report is an IPC message and a React render, so we
 * pass on at most one per `intervalMs` (default 50 ms = 20/s), and always the first and the
 * final one so the bar starts at once and ends at 100 %.
 */
export interface ProgressThrottleOptions {
  intervalMs?: number;
  now?: () => number;
}

export function throttleProgress(
  emit: (loaded: number, total: number) => void,
  options: ProgressThrottleOptions = {},
): (loaded: number, total: number) => void {
  const intervalMs = options.intervalMs ?? 50;
  const now = options.now ?? Date.now;
  let last = Number.NEGATIVE_INFINITY;
  let finished = false;
  return (loaded, total) => {
    if (finished) return;
    const done = loaded >= total;
    const t = now();
    if (!done && t - last < intervalMs) return;
    last = t;
    if (done) finished = true;
    emit(loaded, total);
  };
}
