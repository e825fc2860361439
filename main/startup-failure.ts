/**
 * A desktop app that cannot start must say why: without this, a failure before the window
 * exists (a settings folder that cannot be written, a broken install) means no window, no
 * message, nothing — the user only sees that "it does not open". Electron's error box is
 * synchronous and safe before `ready` (on Linux before `ready` it goes to stderr instead).
 */
import { app, dialog } from 'electron';
import { maskTokenValues } from '../common/token-value';

export const STARTUP_FAILURE_TITLE = 'Token Desk could not start';

/** The dialog's text: the reason (never a token value) and what the user can do. */
export function startupFailureText(error: unknown, dataDir?: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  const reason = maskTokenValues(raw.trim() || 'An unknown error stopped it.');
  const where = dataDir ? `\n\nToken Desk keeps its files in ${dataDir}.` : '';
  return `${reason}${where}\n\nNo file was deleted. Fix the cause above and start Token Desk again; if it keeps happening, report this message.`;
}

export function reportStartupFailure(error: unknown, dataDir?: string): void {
  const text = startupFailureText(error, dataDir);
  console.error(`${STARTUP_FAILURE_TITLE}: ${text}`);
  try {
    dialog.showErrorBox(STARTUP_FAILURE_TITLE, text);
  } finally {
    // The tray would otherwise keep a windowless, useless process alive.
    app.exit(1);
  }
}
