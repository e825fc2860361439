/**
 * Transport-agnostic dispatch (the VS Code IPC idea): Electron's ipcMain and the
 * browser host's WebSocket both call `dispatch(channel, rawInput, ctx)`.
 * Every input is validated against the contract before a handler sees it;
 * every outcome becomes a DeskResult, so errors cross the bridge as data.
 */
import type { z } from 'zod';
import { calls, isChannel } from '../../common/contract';
import type { CallOutput, Channel, EventName, EventPayload, HostKind, ParsedInput } from '../../common/contract';
import { DeskError } from '../../common/errors';
import type { DeskResult } from '../../common/errors';

export interface HandlerContext {
  host: HostKind;
  /** Push an event to the renderer that made the call. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<CallOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: unknown, rawInput: unknown, ctx: HandlerContext) => Promise<DeskResult<unknown>>;

export function validationErrorFromZod(error: z.ZodError, what: string): DeskError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  return new DeskError({ code: 'validation', message: `Invalid ${what}${where}: ${first?.message ?? 'bad input'}`, fields });
}

export function toDeskErrorData(error: unknown): DeskResult<never> {
  if (DeskError.is(error)) return { ok: false, error: error.toData() };
  // Unexpected failures are logged in main (without inputs, which may hold secrets)
  // and reach the user as a generic message — never a stack.
  console.error('[token-desk] unexpected handler failure:', error instanceof Error ? error.message : String(error));
  return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Token Desk. Please try again.' } };
}

export function createDispatch(table: HandlerTable): Dispatch {
  return async (channel, rawInput, ctx) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown call: ${String(channel).slice(0, 80)}` } };
    }
    const parsed = calls[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationErrorFromZod(parsed.error, 'input').toData() };
    try {
      const handler = table[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (error) {
      return toDeskErrorData(error);
    }
  };
}
