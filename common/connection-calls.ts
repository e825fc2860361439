/**
 * The calls that act on the active connection's tokens, values or audit data. Each names the
 * connection the page shows (`connectionId` in its input), and main refuses it when that is not
 * the connection it would act on (main/core/connection-guard.ts): a page that missed a switch —
 * another browser-host tab, a window left open — must not send a Create, a Delete or a Copy to
 * another account. `quick.copy` and `quick.open` name a connection too, but choose it: they may act on any saved one.
 *
 * Without zod, like channel-names.ts: the renderer's client stamps these calls (common/desk-client.ts).
 */
import { CONNECTION_CALL_NAMES } from './channel-names';

export const CONNECTION_CALLS = CONNECTION_CALL_NAMES;

export type ConnectionCall = (typeof CONNECTION_CALLS)[number];

const connectionCalls: ReadonlySet<string> = new Set(CONNECTION_CALLS);

export function isConnectionCall(channel: string): channel is ConnectionCall {
  return connectionCalls.has(channel);
}
