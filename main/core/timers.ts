/**
 * Timers for secrets with a deadline (the clipboard clear, unsaved values). They never keep a
 * Node process (tests, the browser host) alive, and tests can swap in their own clock.
 */
export type TimerHandle = unknown;

export interface TimerPort {
  setTimeout?: (fn: () => void, ms: number) => TimerHandle;
  clearTimeout?: (handle: TimerHandle) => void;
}

export function timersOf(port: TimerPort): { schedule: (fn: () => void, ms: number) => TimerHandle; cancel: (handle: TimerHandle) => void } {
  const schedule =
    port.setTimeout ??
    ((fn: () => void, ms: number) => {
      const handle = setTimeout(fn, ms);
      handle.unref?.();
      return handle;
    });
  const cancel = port.clearTimeout ?? ((handle: TimerHandle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  return { schedule, cancel };
}
