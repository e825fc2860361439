/**
 * The browser host's clipboard is the clipboard of the browser the user sits
 * at: main sends the text to the page's bridge script (preload/web.ts, not
 * the React app), which writes it with navigator.clipboard. The auto-clear asks
 * the bridge to clear only if the clipboard still holds that text.
 */
import type { ClipboardPort } from '../core/clipboard';
import type { ServerMessage } from '../../common/web-protocol';

export function createPageClipboard(sendToPages: (message: ServerMessage) => void): ClipboardPort {
  let lastWritten = '';
  return {
    writeText(text) {
      lastWritten = text;
      sendToPages({ type: 'clipboard', op: 'write', text });
    },
    // The page's real clipboard cannot be read synchronously from here; the bridge re-checks before clearing.
    readText: () => lastWritten,
    clear() {
      sendToPages({ type: 'clipboard', op: 'clearIf', text: lastWritten });
      lastWritten = '';
    },
  };
}
