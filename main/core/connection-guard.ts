/**
 * Every token, value and audit call names the connection its page shows
 * (common/connection-calls.ts). Main acts on one connection, the active one; a call that names
 * another is refused here, before its handler runs, so nothing is read, written or sent to the
 * API for it. Without this, a page that missed a switch — a second browser-host tab, say —
 * would send its Create or Delete to whichever account the other page switched to.
 *
 * The check and the handler's own reading of the active connection happen in the same turn of
 * the event loop (handlers read it before their first await), so no switch can come between them.
 */
import { CONNECTION_CALLS } from '../../common/connection-calls';
import type { ConnectionProfile } from '../../common/contract';
import { DeskError } from '../../common/errors';
import { NOT_CONNECTED_MESSAGE } from '../../common/messages';
import type { HandlerContext, HandlerTable } from './dispatch';

export interface ConnectionLookup {
  active(): ConnectionProfile | undefined;
  get(id: string): ConnectionProfile | undefined;
}

/** The refusal of a call for `named` while main would act on `active` (undefined: none is active). */
export function wrongConnection(connections: ConnectionLookup, named: string): DeskError | undefined {
  const active = connections.active();
  if (!active) {
    const message = `No connection is active any more: nothing was done. ${NOT_CONNECTED_MESSAGE}`;
    return new DeskError({ code: 'not_connected', message, fields: { connectionId: [message] } });
  }
  if (active.id === named) return undefined;
  const shown = connections.get(named);
  const page = shown ? `This page shows “${shown.name}”` : 'This page shows a connection that is no longer saved';
  const message = `${page}, but Token Desk has switched to “${active.name}” (in another window or tab): nothing was done. Reload the page to continue with “${active.name}”.`;
  return new DeskError({ code: 'wrong_connection', message, fields: { connectionId: [message] } });
}

type LooseHandler = (input: { connectionId: string }, ctx: HandlerContext) => Promise<unknown>;

/** The table with each connection call refused when it names a connection other than the active one. */
export function guardConnectionCalls(connections: ConnectionLookup, table: HandlerTable): HandlerTable {
  const guarded: Record<string, LooseHandler> = { ...(table as unknown as Record<string, LooseHandler>) };
  for (const channel of CONNECTION_CALLS) {
    const handler = guarded[channel]!;
    guarded[channel] = (input, ctx) => {
      const refusal = wrongConnection(connections, input.connectionId);
      return refusal ? Promise.reject(refusal) : handler(input, ctx);
    };
  }
  return guarded as unknown as HandlerTable;
}
