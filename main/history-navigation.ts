/**
 * Back and Forward in the desktop window. A browser tab gets them from the browser; an Electron
 * window gets none, so the usual gestures are wired to the page's history here: Alt+←/→
 * (Windows, Linux), ⌘[ / ⌘] (macOS) and the mouse's back and forward buttons (`app-command` on
 * Windows and Linux). The page's router follows the history
 * (renderer/src/shell/router.ts), so each step is an in-app view change, never a reload.
 */
import type { BrowserWindow, Input } from 'electron';

export type HistoryStep = 'back' | 'forward';

/** The step a key press asks for, if any. */
export function stepForInput(input: Pick<Input, 'type' | 'key' | 'alt' | 'control' | 'meta' | 'shift'>, platform: NodeJS.Platform): HistoryStep | undefined {
  if (input.type !== 'keyDown' || input.shift) return undefined;
  if (platform === 'darwin') {
    if (!input.meta || input.alt || input.control) return undefined;
    return input.key === '[' ? 'back' : input.key === ']' ? 'forward' : undefined;
  }
  if (!input.alt || input.control || input.meta) return undefined;
  return input.key === 'ArrowLeft' ? 'back' : input.key === 'ArrowRight' ? 'forward' : undefined;
}

/** The step an app command (mouse buttons, media keys) asks for, if any. */
export function stepForCommand(command: string): HistoryStep | undefined {
  if (command === 'browser-backward') return 'back';
  if (command === 'browser-forward') return 'forward';
  return undefined;
}

export function wireHistoryNavigation(window: BrowserWindow, platform: NodeJS.Platform = process.platform): void {
  const contents = window.webContents;
  const step = (which: HistoryStep | undefined): boolean => {
    const history = contents.navigationHistory;
    if (which === 'back' && history.canGoBack()) history.goBack();
    else if (which === 'forward' && history.canGoForward()) history.goForward();
    else return false;
    return true;
  };
  contents.on('before-input-event', (event, input) => {
    const which = stepForInput(input, platform);
    // Handled keys stop here, so the page does not also see them (e.g. a text field's caret).
    if (which && step(which)) event.preventDefault();
  });
  window.on('app-command', (_event, command) => void step(stepForCommand(command)));
}
