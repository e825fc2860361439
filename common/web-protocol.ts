/** Messages between the browser host (main/web) and its page (preload/web.ts). */
import type { DeskResult } from './errors';

export const WS_PATH = '/desk';
export const SESSION_COOKIE = 'token_desk_session';

export type ClientMessage = { type: 'invoke'; id: number; channel: string; input: unknown };
export type ServerMessage =
  | { type: 'result'; id: number; result: DeskResult<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  /** Clipboard work for the bridge script (never reaches the React app). */
  | { type: 'clipboard'; op: 'write' | 'clearIf'; text: string };
