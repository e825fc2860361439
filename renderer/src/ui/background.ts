/**
 * Work that can wait, run as background tasks: Chromium runs input, rendering and every other
 * task first, so a keystroke waits at most for the slice already running (a few ms). An idle
 * callback would run one slice per frame, and long work would still be going seconds later,
 * while the user types.
 */
type BackgroundScheduler = { postTask(fn: () => void, options: { priority: 'background' }): Promise<unknown> };

export function inBackground(fn: () => void): void {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(fn, { priority: 'background' }).catch(() => undefined);
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 500 });
  else setTimeout(fn, 0);
}

/** Resolves in a background task: awaited between the slices of long work. */
export const backgroundTurn = (): Promise<void> => new Promise((resolve) => inBackground(resolve));
