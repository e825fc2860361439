/**
 * Quitting without leaving a secret behind. Electron does not wait for a promise a `before-quit`
 * listener starts, so the app holds the quit itself (preventDefault), clears the clipboard first
 * (compare, then clear: only while it still holds the value Token Desk put there), waits for the
 * services to write what they still hold (the token list is written after a quiet moment), and
 * then quits for real.
 *
 * Electron 45's `clipboard.readText()` returns a promise, so the compare cannot finish inside the
 * event; it is started first, before the flush, and the quit waits for both. Windows' logoff and
 * shutdown send each window `session-end` instead of `before-quit` and cannot be delayed: the same
 * work starts at once. Linux and macOS send powerMonitor `shutdown`, which may be delayed until the app quits.
 */
import { app, powerMonitor } from 'electron';

export interface QuitWork {
  /** Compare and clear the clipboard: issued first, before any file is written. */
  clearClipboard(): Promise<void>;
  /** Everything else the services write or release at quit. */
  dispose(): Promise<void>;
  /** Lets windows close for real (close-to-tray would hide them). */
  markQuitting(): void;
}

/** Past this, a hung flush or clipboard must not keep a quitting app alive. */
export const QUIT_WAIT_MS = 5_000;

export function holdQuitForCleanup(work: QuitWork, waitMs = QUIT_WAIT_MS): { finished(): Promise<void> } {
  let cleanup: Promise<void> | undefined;
  let done = false;

  const start = (): Promise<void> => {
    if (cleanup) return cleanup;
    work.markQuitting();
    // Both are started before either is awaited: the clipboard's read is issued first.
    const cleared = work.clearClipboard().catch(() => undefined);
    const disposed = work.dispose().catch((error: unknown) => console.warn(`Token Desk: cleanup at quit failed: ${error instanceof Error ? error.message : String(error)}`));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    cleanup = Promise.race([Promise.all([cleared, disposed]).then(() => undefined), timeout]).finally(() => {
      clearTimeout(timer);
      done = true;
    });
    return cleanup;
  };

  app.on('before-quit', (event) => {
    if (done) return; // the second pass, after cleanup: let Electron quit
    event.preventDefault();
    void start().then(() => app.quit());
  });

  // Windows logoff/shutdown: no before-quit follows and the session cannot be held. Windows
  // tells each top-level window (hidden ones too: close-to-tray keeps the main window).
  app.on('browser-window-created', (_event, window) => {
    window.on('session-end', () => {
      void start().then(() => app.quit());
    });
  });

  // Linux and macOS: the listener may delay the shutdown, and must then quit promptly.
  (powerMonitor as unknown as NodeJS.EventEmitter).on('shutdown', (event?: { preventDefault?: () => void }) => {
    event?.preventDefault?.();
    app.quit();
  });

  return { finished: () => cleanup ?? Promise.resolve() };
}
