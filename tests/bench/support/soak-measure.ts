/**
 * What the soak benchmark (soak.bench.ts) reads of this process, the way main would be read:
 * heap and RSS after collecting garbage, and the event loop's open resources (timers apart
 * from handles) and the process's listeners.
 */
import { collectOwnGarbage } from './measure';

export interface MainResources {
  heapUsed: number;
  rss: number;
  timers: number;
  handles: number;
  listeners: number;
}

/**
 * Lets what a busy hour leaves behind finish (the HTTP client's idle sockets close after a few
 * seconds), so resources are counted at rest, the same way at both ends.
 */
export async function settle(ms = 5_000): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  collectOwnGarbage();
  collectOwnGarbage();
}

export function mainResources(): MainResources {
  const { heapUsed, rss } = process.memoryUsage();
  const resources = process.getActiveResourcesInfo();
  const timers = resources.filter((r) => r === 'Timeout' || r === 'Immediate').length;
  const listeners = process.eventNames().reduce((n, name) => n + process.listenerCount(name), 0);
  return { heapUsed, rss, timers, handles: resources.length - timers, listeners };
}
