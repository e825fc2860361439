/**
 * Throttled progress, for the token list and the audit log alike: the concurrent pager reports
 * after every page, and pages arrive in bursts. Each report is an IPC message and a React
 * render, so at most one per `intervalMs` is passed on, and always the first and the final one
 * so the bar starts at once and ends full.
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
