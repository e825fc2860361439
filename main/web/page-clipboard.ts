/**
 * The browser host's clipboard is the clipboard of the browser the user sits
 * at: main sends the text to the bridge script (preload/web.ts, not the React
 * app) of the page that asked for the copy — only that page: the text is a
 * token value, and other tabs connected to the same host have no business with it.
 * The auto-clear goes to the same page and asks it to clear only if its
 * clipboard still holds that text.
 *
 * A browser lets a page read or clear the clipboard only while its tab is in front, so a clear
 * due while the user is elsewhere fails. The bridge reports that (and tries again once the tab
 * is back in front); `clipboardReportNotice` turns the report into what the user is told, so no
 * notice claims a clear that did not happen.
 */
import type { ClipboardPort } from '../core/clipboard';
import type { EventPayload } from '../../common/contract';
import { CLIPBOARD_CLEARED_LATE, CLIPBOARD_NOT_CLEARED } from '../../common/messages';
import type { ClipboardReport, ServerMessage } from '../../common/web-protocol';

/** Sends to one page; returns false when that page is gone. */
export type PageSender = (message: ServerMessage) => boolean;

/** `requestingPage` answers "which page made the call being handled now?" (main/web/host.ts). */
export function createPageClipboard(requestingPage: () => PageSender | undefined): ClipboardPort {
  let lastWritten = '';
  let lastPage: PageSender | undefined;
  let seq = 0;
  return {
    clearsInFrontOnly: true,
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
      lastPage?.({ type: 'clipboard', op: 'clearIf', text: lastWritten, seq: ++seq });
      lastWritten = '';
      lastPage = undefined;
    },
  };
}

/** What the page that reported is told: a failed clear at once, a late success once it happens; nothing otherwise. */
export function clipboardReportNotice(report: Pick<ClipboardReport, 'outcome' | 'late'>): EventPayload<'app.notice'> | undefined {
  if (report.outcome === 'failed') return { level: 'warning', message: CLIPBOARD_NOT_CLEARED };
  if (report.outcome === 'cleared' && report.late) return { level: 'info', message: CLIPBOARD_CLEARED_LATE };
  return undefined;
}
