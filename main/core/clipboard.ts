/**
 * Copy a secret to the clipboard and clear it again after N ms, but ONLY if the clipboard still
 * holds that secret: if the user copied something else meanwhile, we must not wipe it.
 *
 * The port is Electron's `clipboard` in the app (adapter in the glue) and a fake in tests.
 * Concealment (keeping the value out of clipboard history / cloud clipboard) is OS-specific
 * and belongs to the Electron adapter (main/clipboard-electron.ts: one atomic write of the text
 * with each OS's "secret" markers). A browser cannot mark a clipboard write as secret; the
 * browser host says so in Settings. This service stays OS-neutral.
 */
import { timersOf, type TimerHandle, type TimerPort } from './timers';

/** Sync or async: Electron 45's clipboard is promise-based, the test ports are not. */
export interface ClipboardPort {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  /** Optional: a real "clear" (Electron's clipboard.clear) instead of writing "". */
  clear?(): void | Promise<void>;
  /**
   * True for a browser page's clipboard (main/web/page-clipboard.ts): the page may read or clear
   * it only while its tab is in front, so a clear can wait until the user comes back.
   */
  readonly clearsInFrontOnly?: boolean;
}

export interface ClipboardServiceOptions extends TimerPort {
  /** Default 30 s. 0 or less disables auto-clear. Settings change it with `setClearAfterMs`. */
  clearAfterMs?: number;
  now?: () => number;
}

export interface CopyResult {
  /** ISO-8601 time when the clipboard will be cleared; null when auto-clear is off. */
  clearsAt: string | null;
  /** Set when the clear can happen only while the page's tab is in front (the browser host). */
  inFrontOnly?: true;
}

export interface ClipboardService {
  /** The delay for the next copies (a pending clear keeps its own). */
  setClearAfterMs(ms: number): void;
  clearAfterMs(): number;
  copySecret(value: string): Promise<CopyResult>;
  /**
   * Cancels the pending clear and clears now if the clipboard still holds the last secret.
   * Call on app quit so a secret does not outlive the app.
   */
  dispose(): Promise<void>;
}

export function createClipboardService(port: ClipboardPort, options: ClipboardServiceOptions = {}): ClipboardService {
  let clearAfterMs = options.clearAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  const { schedule, cancel } = timersOf(options);

  /** The last secret copied; `handle` is its clear timer (undefined when auto-clear is off). */
  let pending: { handle: TimerHandle | undefined; value: string } | undefined;

  const clearIfStillHolds = async (value: string): Promise<void> => {
    try {
      // Compare, then clear: the user's own later copy is never wiped.
      if ((await port.readText()) !== value) return;
      if (port.clear) await port.clear();
      else await port.writeText('');
    } catch {
      // A clipboard that cannot be read cannot be cleared safely either; nothing more to do.
    }
  };

  return {
    setClearAfterMs(ms: number) {
      clearAfterMs = ms;
    },
    clearAfterMs: () => clearAfterMs,
    async copySecret(value: string): Promise<CopyResult> {
      if (pending) {
        // A newer copy supersedes the old timer. If the old secret is still on the clipboard it
        // is being overwritten right now anyway.
        if (pending.handle !== undefined) cancel(pending.handle);
        pending = undefined;
      }
      await port.writeText(value);
      // "Never" still clears on quit: a secret must not outlive the app.
      if (clearAfterMs <= 0) {
        pending = { handle: undefined, value };
        return { clearsAt: null };
      }
      const handle = schedule(() => {
        pending = undefined;
        void clearIfStillHolds(value);
      }, clearAfterMs);
      pending = { handle, value };
      const clearsAt = new Date(now() + clearAfterMs).toISOString();
      return port.clearsInFrontOnly ? { clearsAt, inFrontOnly: true } : { clearsAt };
    },
    async dispose(): Promise<void> {
      if (!pending) return;
      if (pending.handle !== undefined) cancel(pending.handle);
      const { value } = pending;
      pending = undefined;
      await clearIfStillHolds(value);
    },
  };
}
