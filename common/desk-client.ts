/**
 * The typed face of `window.desk`: calls return their contract output or throw a
 * DeskError with a stable `code`. Types come from the contract, never written twice.
 *
 * The token, value and audit calls (common/connection-calls.ts) carry the connection the page
 * shows: the client adds it from `shownConnection`, so no call site can forget it, and a caller
 * that knows better (the launch, before the page's state exists) names it itself.
 */
import { isConnectionCall } from './connection-calls';
import type { ConnectionCall } from './connection-calls';
import { DeskError } from './errors';
import { notConnectedError } from './messages';
import type { DeskBridge } from './channel-names';
import type { CallInput, CallOutput, Channel, EventName, EventPayload } from './contract';

/** What a caller passes: a connection call's `connectionId` is optional (the client fills it in). */
export type ClientInput<C extends Channel> = C extends ConnectionCall ? Omit<CallInput<C>, 'connectionId'> & { connectionId?: string } : CallInput<C>;
type InputArgs<C extends Channel> = Record<string, never> extends ClientInput<C> ? [input?: ClientInput<C>] : [input: ClientInput<C>];

export interface DeskClient {
  call<C extends Channel>(channel: C, ...input: InputArgs<C>): Promise<CallOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export interface DeskClientOptions {
  /** The connection the page shows (null: none), named by every connection call. */
  shownConnection?: () => string | null;
}

export function createDeskClient(bridge: DeskBridge, options: DeskClientOptions = {}): DeskClient {
  return {
    async call(channel, ...input) {
      let payload = (input[0] ?? {}) as Record<string, unknown>;
      if (isConnectionCall(channel) && payload.connectionId === undefined) {
        const shown = options.shownConnection?.() ?? null;
        // A page with no connection has nothing to name: refused here rather than sent for main to guess.
        if (shown === null) throw notConnectedError();
        payload = { ...payload, connectionId: shown };
      }
      const result = await bridge.invoke(channel, payload);
      if (!result.ok) throw new DeskError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
