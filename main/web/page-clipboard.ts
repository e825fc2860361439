/**
 * The browser host's clipboard is the clipboard of the browser the user sits
 * at: main sends the text to the bridge script (preload/web.ts, not the React
 * app) of the page that asked for the copy — only that page: the text is a
 * token value, and other tabs connected to the same host have no business with it.
 * The auto-clear goes to the same page and asks it to clear only if its
 * clipboard still holds that text.
 */
import type { ClipboardPort } from '../core/clipboard';
import type { ServerMessage } from '../../common/web-protocol';

/** Sends to one page; returns false when that page is gone. */
export type PageSender = (message: ServerMessage) => boolean;

/** `requestingPage` answers "which page made the call being handled now?" (main/web/host.ts). */
export function createPageClipboard(requestingPage: () => PageSender | undefined): ClipboardPort {
  let lastWritten = '';
  let lastPage: PageSender | undefined;
  return {
    writeText(text) {
      const page = requestingPage();
      // Outside a page's call there is no clipboard to write to; refusing beats writing to a random tab.
      if (!page) throw new Error('clipboard write outside a page request');
      lastWritten = text;
      lastPage = page;
      page({ type: 'clipboard', op: 'write', text });
    },
    // The page's real clipboard cannot be read synchronously from here; the bridge re-checks before clearing.
    readText: () => lastWritten,
    clear() {
      lastPage?.({ type: 'clipboard', op: 'clearIf', text: lastWritten });
      lastWritten = '';
      lastPage = undefined;
    },
  };
}
