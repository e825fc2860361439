/**
 * Harnesses call the handler table the way a page does: a token, value or audit call names the
 * connection the page shows (common/connection-calls.ts), which in a harness is the active one.
 * An input that names one already is left as it is, so tests can name a wrong one on purpose.
 */
import { isConnectionCall } from '../../common/connection-calls';

export function asShownPage(connections: { active(): { id: string } | undefined }, channel: unknown, input: unknown): unknown {
  if (typeof channel !== 'string' || !isConnectionCall(channel)) return input;
  const given = input === undefined ? {} : input;
  if (given === null || typeof given !== 'object' || Array.isArray(given) || 'connectionId' in given) return given;
  const active = connections.active();
  return active ? { ...given, connectionId: active.id } : given;
}

type AnyDispatch = (channel: never, input: unknown, ctx: never) => Promise<unknown>;

/** `dispatch` as a page calls it: every connection call names the active connection (unless it names one itself). */
export function asPage<D extends AnyDispatch>(services: { connections: { active(): { id: string } | undefined } }, dispatch: D): D {
  return ((channel: never, input: unknown, ctx: never) => dispatch(channel, asShownPage(services.connections, channel, input), ctx)) as D;
}
