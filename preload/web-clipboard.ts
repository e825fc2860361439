/**
 * The browser host's clipboard work in the page's bridge script (never the React app): write a
 * copied value, and clear it when main asks — only if the clipboard still holds that value, so
 * the user's own later copy is never wiped.
 *
 * A browser refuses clipboard reads and writes while the tab is not in front, so a clear that
 * falls due then fails. It is not swallowed: the failure is reported to main (which tells the
 * user the value is still there), the clear waits, and it is tried again as soon as the tab is in
 * front again (focus, or the page becoming visible); that outcome is reported too.
 */
import type { ClipboardReport } from '../common/web-protocol';

export interface ClipboardAgentDeps {
  clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> };
  report(report: ClipboardReport): void;
  /** Calls `retry` whenever the tab comes to the front. */
  onFront(retry: () => void): void;
}

export interface ClipboardAgent {
  handle(op: 'write' | 'clearIf', text: string, seq?: number): Promise<void>;
}

export function createClipboardAgent(deps: ClipboardAgentDeps): ClipboardAgent {
  /** The clear that failed and waits for the tab to come to the front. */
  let waiting: { text: string; seq: number } | undefined;
  let trying = false;

  const clearIf = async (text: string, seq: number, late: boolean): Promise<void> => {
    let outcome: ClipboardReport['outcome'];
    try {
      if ((await deps.clipboard.readText()) === text) {
        await deps.clipboard.writeText('');
        outcome = 'cleared';
      } else outcome = 'unchanged';
    } catch {
      const first = !waiting || waiting.seq !== seq;
      waiting = { text, seq };
      // Told once; the later tries report only how they end.
      if (first) deps.report({ type: 'clipboardReport', seq, outcome: 'failed', late });
      return;
    }
    if (waiting?.seq === seq) waiting = undefined;
    deps.report({ type: 'clipboardReport', seq, outcome, late });
  };

  deps.onFront(() => {
    // Focus and visibility often arrive together: one try at a time.
    if (!waiting || trying) return;
    trying = true;
    const { text, seq } = waiting;
    void clearIf(text, seq, true).finally(() => (trying = false));
  });

  return {
    async handle(op, text, seq = 0) {
      if (op === 'clearIf') return clearIf(text, seq, false);
      try {
        await deps.clipboard.writeText(text);
        // The new copy replaced what a waiting clear was for.
        waiting = undefined;
      } catch {
        // Without clipboard permission there is nothing safe to fall back to.
      }
    },
  };
}
