/**
 * Builds `window.desk` from the contract for any transport. Only channels and
 * events named in common/channel-names.ts (the contract's names) pass; anything else is refused here,
 * before it reaches the transport (main checks again: the preload is not trusted).
 */
import { isChannel, isEventName } from '../common/channel-names';
import type { Channel, DeskBridge, EventName } from '../common/channel-names';
import type { DeskResult } from '../common/errors';

export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<DeskResult<unknown>>;
  /** Subscribe to every event; returns an unsubscribe function. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

export function createBridge(transport: Transport): DeskBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return {
    invoke(channel, input) {
      if (!isChannel(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown call: ${String(channel).slice(0, 80)}` } });
      }
      return transport.invoke(channel, input);
    },
    on(event, listener) {
      if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
