/**
 * The ONE contract between the renderer and the main process.
 *
 * Every call the renderer can make and every event main can push is named
 * here, with zod schemas for its input and output. Main validates every input
 * against it (main/core/dispatch.ts); the preloads build `window.desk` from
 * its channel list; the renderer derives its types from it. Adding a
 * capability = one entry here + one handler + UI.
 */
import { z } from 'zod';
import type { DeskResult } from './errors';

const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const noInput = z.object({}).strict();

export const hostKinds = ['electron', 'browser'] as const;
export type HostKind = (typeof hostKinds)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  hostKind: z.enum(hostKinds),
  runtime: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const calls = {
  'app.info': call(noInput, appInfoSchema),
} as const;

export const events = {
  /** A short message for the user (e.g. "Copied — clipboard clears in 30 s"). */
  'app.notice': z.object({
    level: z.enum(['info', 'success', 'warning', 'error']),
    message: z.string(),
  }),
} as const;

export type Channel = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<C extends Channel> = z.input<(typeof calls)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof calls)[C]['input']>;
export type CallOutput<C extends Channel> = z.output<(typeof calls)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channels = Object.keys(calls) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(calls, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}

/** IPC channel names used by Electron (prefixed so they never clash with Electron's own). */
export const ipcChannel = (channel: Channel) => `desk:${channel}`;
export const IPC_EVENT_CHANNEL = 'desk:event';

/**
 * What a host puts on `window.desk` (Electron: the preload via contextBridge;
 * browser host: the WebSocket bridge script). It returns results as data because
 * contextBridge drops custom properties of thrown errors; `createDeskClient`
 * (common/desk-client.ts) turns them back into thrown DeskErrors.
 */
export interface DeskBridge {
  invoke(channel: Channel, input: unknown): Promise<DeskResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
