/**
 * Transport-agnostic dispatch (the VS Code IPC idea): Electron's ipcMain and the
 * browser host's WebSocket both call `dispatch(channel, rawInput, ctx)`.
 * Every input is validated against the contract before a handler sees it;
 * every outcome becomes a DeskResult, so errors cross the bridge as data.
 *
 * Every reply passes ONE gate on its way out (`gateReply`), whatever the handler did:
 * 1. a success is parsed with the channel's output schema: what does not match is never sent
 *    (an `internal` error instead, logged with the channel name only, never the value), and
 *    keys the contract does not name are dropped;
 * 2. every string in the reply, successes and errors alike, has token values masked
 *    (common/token-value.ts), except the two places the contract exists to deliver one: the
 *    `value` of `values.reveal` (an explicit "show") and of `tokens.create` (shown once). So a
 *    handler that forgets to strip (e.g. a live audit page with a value in its details) leaks
 *    nothing, and the cache's `stripSecrets` and this gate apply the same masking rule.
 */
import { isChannel } from '../../common/channel-names';
import { calls, events } from '../../common/contract';
import { maskTokenValues } from '../../common/token-value';
import type { CallOutput, Channel, EventName, EventPayload, HostKind, ParsedInput } from '../../common/contract';
import { DeskError } from '../../common/errors';
import type { DeskErrorData, DeskResult } from '../../common/errors';
import { INTERNAL_ERROR_DATA } from '../../common/messages';
import { fieldIssues, validationErrorOf } from '../../common/field-messages';

export interface HandlerContext {
  host: HostKind;
  /**
   * Which of the host's windows made the call, set by the binding where it can tell them apart
   * (Electron: the Quick Access window or the main window, by the sender's WebContents). The
   * browser host cannot: its pages share one origin and one bridge, so it leaves this unset.
   */
  window?: 'main' | 'quick';
  /** Push an event to the renderer that made the call. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Promise<CallOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

export type Dispatch = (channel: unknown, rawInput: unknown, ctx: HandlerContext) => Promise<DeskResult<unknown>>;

export function toDeskErrorData(error: unknown): DeskResult<never> {
  if (DeskError.is(error)) return { ok: false, error: error.toData() };
  // Unexpected failures are logged in main (without inputs, which may hold secrets)
  // and reach the user as a generic message — never a stack.
  console.error('[token-desk] unexpected handler failure:', maskTokenValues(error instanceof Error ? error.message : String(error)));
  return { ok: false, error: { ...INTERNAL_ERROR_DATA } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The one top-level output field per channel that is meant to carry a token value. */
const VALUE_CARRIERS: Partial<Record<Channel, string>> = { 'values.reveal': 'value', 'tokens.create': 'value' };

/** A copy of `value` with every token value in every string masked (keys included). */
export function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskTokenValues(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(maskDeep);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    // defineProperty: a `__proto__` key from parsed JSON stays a key instead of becoming the prototype.
    Object.defineProperty(out, maskTokenValues(key), { value: maskDeep(child), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function maskReply(channel: Channel, value: unknown): unknown {
  const carrier = VALUE_CARRIERS[channel];
  if (!carrier || value === null || typeof value !== 'object') return maskDeep(value);
  const { [carrier]: kept, ...rest } = value as Record<string, unknown>;
  return { ...(maskDeep(rest) as Record<string, unknown>), [carrier]: kept };
}

/** The gate every reply passes (see the top of this file). */
export function gateReply(channel: Channel, result: DeskResult<unknown>): DeskResult<unknown> {
  if (!result.ok) return { ok: false, error: maskDeep(result.error) as DeskErrorData };
  const checked = calls[channel].output.safeParse(result.value);
  if (!checked.success) {
    console.error(`[token-desk] the reply of ${channel} did not match the contract; sent an internal error instead`);
    return { ok: false, error: { ...INTERNAL_ERROR_DATA } };
  }
  return { ok: true, value: maskReply(channel, checked.data) };
}

/** An event checked against its contract schema and masked; undefined (logged) when it does not match. */
export function gateEvent<E extends EventName>(event: E, payload: EventPayload<E>): EventPayload<E> | undefined {
  const checked = events[event].safeParse(payload);
  if (!checked.success) {
    console.error(`[token-desk] the event ${event} did not match the contract; not sent`);
    return undefined;
  }
  return maskDeep(checked.data) as EventPayload<E>;
}

/** Events a handler pushes pass the same gate: their contract schema, then the masking. */
function gateEvents(ctx: HandlerContext): HandlerContext {
  return {
    ...ctx,
    emit(event, payload) {
      const gated = gateEvent(event, payload);
      if (gated !== undefined) ctx.emit(event, gated);
    },
  };
}

export function createDispatch(table: HandlerTable): Dispatch {
  return async (channel, rawInput, outerCtx) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `Unknown call: ${maskTokenValues(String(channel).slice(0, 80))}` } };
    }
    // A missing input means "no arguments"; anything else must be a plain object (every input schema is
    // one): IPC's structured clone can deliver a Date or a Map, which zod's object schemas would take as {}.
    const input = rawInput === undefined ? {} : rawInput;
    if (!isPlainObject(input)) return gateReply(channel, { ok: false, error: { code: 'validation', message: 'Token Desk sent this request in a form it does not accept. Please try again.' } });
    const parsed = calls[channel].input.safeParse(input, fieldIssues);
    if (!parsed.success) return gateReply(channel, { ok: false, error: validationErrorOf(parsed.error).toData() });
    const ctx = gateEvents(outerCtx);
    let result: DeskResult<unknown>;
    try {
      const handler = table[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      result = { ok: true, value: await handler(parsed.data, ctx) };
    } catch (error) {
      result = toDeskErrorData(error);
    }
    return gateReply(channel, result);
  };
}
