/**
 * The typed face of `window.desk`: calls return their contract output or throw a
 * DeskError with a stable `code`. Types come from the contract, never written twice.
 */
import { DeskError } from './errors';
import type { DeskBridge } from './channel-names';
import type { CallInput, CallOutput, Channel, EventName, EventPayload } from './contract';

type InputArgs<C extends Channel> = Record<string, never> extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

export interface DeskClient {
  call<C extends Channel>(channel: C, ...input: InputArgs<C>): Promise<CallOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createDeskClient(bridge: DeskBridge): DeskClient {
  return {
    async call(channel, ...input) {
      const result = await bridge.invoke(channel, input[0] ?? {});
      if (!result.ok) throw new DeskError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
