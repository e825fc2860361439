/**
 * A scan is background work. On Linux a thread has a scheduling priority of its own: the scan's
 * worker asks for a lower one, so the page and main get the cores first while someone types or
 * clicks, and a scan on an otherwise idle machine runs as fast as before. (Elsewhere a priority
 * is the whole process's, and main's must not drop: the scan keeps the process's priority.)
 */
import fs from 'node:fs';
import os from 'node:os';

/** This thread's id for the scheduler (Linux), or null. */
function currentThreadId(): number | null {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Lowers this thread's priority where the system allows one per thread; says whether it did. */
export function lowerThisThreadsPriority(): boolean {
  const tid = currentThreadId();
  if (tid === null) return false;
  try {
    os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
    return true;
  } catch {
    return false;
  }
}
