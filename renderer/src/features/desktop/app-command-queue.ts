/**
 * The menu's and tray's commands (`app.command`), heard from the first moment the page runs. The
 * views load after the page's first script, and a window that main opens for a command (the tray's
 * "Open details" while the window was closed) would otherwise lose it: the last command that
 * arrives before a handler exists is kept and given to the first handler that starts.
 */
import type { EventPayload } from '../../../../common/contract';
import { desk } from '../../desk';

export type AppCommandEvent = EventPayload<'app.command'>;
type Handler = (command: AppCommandEvent) => void;

let handler: Handler | null = null;
let pending: AppCommandEvent | null = null;
let listening = false;

/** Starts hearing commands (idempotent); main.tsx calls it before the app's code loads. */
export function listenForAppCommands(): void {
  if (listening) return;
  listening = true;
  desk.on('app.command', (command) => {
    if (handler) handler(command);
    else pending = command;
  });
}

/** The page's handler; a command kept while none existed runs now. Returns the way to stop. */
export function handleAppCommands(next: Handler): () => void {
  listenForAppCommands();
  handler = next;
  const kept = pending;
  pending = null;
  if (kept) next(kept);
  return () => {
    if (handler === next) handler = null;
  };
}
