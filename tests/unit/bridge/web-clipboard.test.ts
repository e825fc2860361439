/**
 * The browser host's page clipboard (preload/web-clipboard.ts): a clear the browser refuses
 * (tab in the background) is reported, waits, and is tried again when the tab is in front.
 */
import { describe, expect, it } from 'vitest';
import type { ClipboardReport } from '../../../common/web-protocol';
import { copiedNotice } from '../../../common/messages';
import { createClipboardService } from '../../../main/core/clipboard';
import { createPageClipboard } from '../../../main/web/page-clipboard';
import { createClipboardAgent } from '../../../preload/web-clipboard';

const VALUE = 'idt:TKN-1234-5678:abcDEF0123456789abcDEF0123456789';

function page() {
  let text = '';
  let inFront = true;
  const refuse = () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));
  const clipboard = {
    readText: () => (inFront ? Promise.resolve(text) : refuse()),
    writeText: (t: string) => (inFront ? Promise.resolve(void (text = t)) : refuse()),
  };
  const reports: Omit<ClipboardReport, 'type'>[] = [];
  let retry = () => undefined as void;
  const agent = createClipboardAgent({ clipboard, report: ({ type: _t, ...r }) => void reports.push(r), onFront: (r) => (retry = r) });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    agent,
    reports,
    text: () => text,
    setText: (t: string) => (text = t),
    background: () => (inFront = false),
    front: async () => {
      inFront = true;
      retry();
      retry(); // focus and visibilitychange together
      await settle();
    },
  };
}

describe('the page clipboard agent', () => {
  it('in front: clears only its own value, and says which it was', async () => {
    const p = page();
    await p.agent.handle('write', VALUE);
    await p.agent.handle('clearIf', VALUE, 1);
    expect(p.text()).toBe('');
    p.setText('the user’s own copy');
    await p.agent.handle('clearIf', VALUE, 2);
    expect(p.text()).toBe('the user’s own copy');
    expect(p.reports).toEqual([
      { seq: 1, outcome: 'cleared', late: false },
      { seq: 2, outcome: 'unchanged', late: false },
    ]);
  });

  it('in the background: reports the failure once, keeps the clear, and does it when the tab is in front again', async () => {
    const p = page();
    await p.agent.handle('write', VALUE);
    p.background();
    await p.agent.handle('clearIf', VALUE, 1);
    expect(p.text()).toBe(VALUE);
    expect(p.reports).toEqual([{ seq: 1, outcome: 'failed', late: false }]);
    await p.front();
    expect(p.text()).toBe('');
    expect(p.reports).toEqual([
      { seq: 1, outcome: 'failed', late: false },
      { seq: 1, outcome: 'cleared', late: true },
    ]);
    // Done: coming to the front again does nothing more.
    await p.front();
    expect(p.reports).toHaveLength(2);
  });

  it('a waiting clear never wipes a copy the user made meanwhile', async () => {
    const p = page();
    await p.agent.handle('write', VALUE);
    p.background();
    await p.agent.handle('clearIf', VALUE, 1);
    await p.front();
    // (cleared above) — now the same with the user's own copy in between:
    p.background();
    await p.agent.handle('write', VALUE).catch(() => undefined);
    await p.agent.handle('clearIf', VALUE, 2);
    p.setText('mine');
    await p.front();
    expect(p.text()).toBe('mine');
    expect(p.reports.at(-1)).toEqual({ seq: 2, outcome: 'unchanged', late: true });
  });
});

describe('what the browser host promises about the clear', () => {
  it('a copy through the page clipboard says the clear needs the tab in front; the desktop wording stays', async () => {
    const sent: unknown[] = [];
    const service = createClipboardService(createPageClipboard(() => (m) => sent.push(m) > 0), { clearAfterMs: 30_000 });
    const result = await service.copySecret(VALUE);
    expect(result.inFrontOnly).toBe(true);
    expect(copiedNotice('CI', 30_000, true)).toBe('Copied CI — clipboard clears in 30 s if this tab is in front, else when you come back to it');
    expect(copiedNotice('CI', 30_000)).toBe('Copied CI — clipboard clears in 30 s');
    await service.dispose();
    expect(sent).toEqual([
      { type: 'clipboard', op: 'write', text: VALUE },
      { type: 'clipboard', op: 'clearIf', text: VALUE, seq: 1 },
    ]);
  });
});
