/**
 * Messages between the browser host (main/web) and its page (preload/web.ts).
 *
 * The session: `npm run serve` prints `http://127.0.0.1:<port>/#<secret>`. The fragment never
 * reaches a server (not ours, not any other), the bridge script reads it, keeps it for reloads
 * in the tab's sessionStorage, and presents it when it opens the WebSocket as a second
 * subprotocol (`Sec-WebSocket-Protocol: token-desk, token-desk.session.<secret>`). No cookie:
 * cookies ignore ports, so every other server on 127.0.0.1 would receive it.
 */
import type { DeskResult } from './errors';

export const WS_PATH = '/desk';
/** The subprotocol the host selects; the secret travels in a second, offered one. */
export const WS_PROTOCOL = 'token-desk';
export const WS_SESSION_PROTOCOL_PREFIX = 'token-desk.session.';
/** The tab-scoped key under which the bridge keeps the secret so a reload still works. */
export const SESSION_STORAGE_KEY = 'token-desk.session';
/** Close codes the host uses for frames it will not read (RFC 6455 §7.4.1). */
export const WS_CLOSE = { unsupportedData: 1003, policyViolation: 1008 } as const;

/** The secret is base64url (main/web/auth.ts), so it is a valid subprotocol token. */
export const sessionProtocol = (secret: string) => `${WS_SESSION_PROTOCOL_PREFIX}${secret}`;

/**
 * What the page's bridge says about a clear main asked for (`seq`): `cleared`, `unchanged` (the
 * clipboard held something else, so nothing was touched) or `failed` (the browser refused: the
 * tab was not in front). After a failure the bridge tries again when the tab is back in front
 * and reports that outcome with `late: true`. Never the text.
 */
export const clipboardOutcomes = ['cleared', 'unchanged', 'failed'] as const;
export type ClipboardReport = { type: 'clipboardReport'; seq: number; outcome: (typeof clipboardOutcomes)[number]; late: boolean };

/**
 * What the page sends. The host checks every message against its schema
 * (main/web/client-message.ts, which holds that the two say the same); the schema is not here
 * because zod would then be in the bridge script the page parses before anything else.
 */
export type ClientMessage = { type: 'invoke'; id: number; channel: string; input: unknown } | ClipboardReport;

export type ServerMessage =
  /**
   * `packedNext`: the value's `packed` string (a packed token list, megabytes long at scale) was
   * left out and is the NEXT text frame, as is. Encoded inside this JSON it would be escaped by the
   * host and parsed a second time by the page, only to be parsed again as the list.
   */
  | { type: 'result'; id: number; result: DeskResult<unknown>; packedNext?: true }
  | { type: 'event'; event: string; payload: unknown }
  /** Clipboard work for the bridge script of the page that asked (never reaches the React app); a clear has a `seq` its report names. */
  | { type: 'clipboard'; op: 'write' | 'clearIf'; text: string; seq?: number };

/** A result as the frames the host sends: the packed list, if the value has one, in a frame of its own. */
export function resultFrames(id: number, result: DeskResult<unknown>): string[] {
  const value = result.ok ? (result.value as { packed?: unknown } | null) : null;
  if (value === null || typeof value !== 'object' || typeof value.packed !== 'string') return [JSON.stringify({ type: 'result', id, result } satisfies ServerMessage)];
  const { packed, ...rest } = value;
  return [JSON.stringify({ type: 'result', id, result: { ok: true, value: rest }, packedNext: true } satisfies ServerMessage), packed];
}

/** The page's side of resultFrames: frames in, whole messages out (a result's packed frame put back into its value). Frames that are not JSON are dropped. */
export function serverMessageReader(deliver: (message: ServerMessage) => void): (frame: string) => void {
  let awaiting: Extract<ServerMessage, { type: 'result' }> | undefined;
  return (frame) => {
    if (awaiting) {
      const message = awaiting;
      awaiting = undefined;
      if (message.result.ok) (message.result.value as { packed?: string }).packed = frame;
      return deliver({ type: 'result', id: message.id, result: message.result });
    }
    let message: ServerMessage;
    try {
      message = JSON.parse(frame) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result' && message.packedNext) awaiting = message;
    else deliver(message);
  };
}
