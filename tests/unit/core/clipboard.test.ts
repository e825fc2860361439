import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardService, type ClipboardPort } from '../../../main/core/clipboard';

class FakeClipboard implements ClipboardPort {
  text = '';
  clears = 0;
  writeText(s: string) {
    this.text = s;
  }
  readText() {
    return this.text;
  }
}

describe('clipboard service', async () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('copies, then clears after 30 s by default', async () => {
    const clip = new FakeClipboard();
    const service = createClipboardService(clip);
    const { clearsAt } = await service.copySecret('idt:TKN-1111-2222:abc');
    expect(clip.text).toBe('idt:TKN-1111-2222:abc');
    expect(clearsAt).toBe('2026-01-01T00:00:30.000Z');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(clip.text).toBe('idt:TKN-1111-2222:abc');
    await vi.advanceTimersByTimeAsync(1);
    expect(clip.text).toBe('');
  });

  it('does not wipe something else the user copied meanwhile', async () => {
    const clip = new FakeClipboard();
    const service = createClipboardService(clip, { clearAfterMs: 1000 });
    await service.copySecret('secret-1');
    clip.writeText('my own note');
    await vi.advanceTimersByTimeAsync(1000);
    expect(clip.text).toBe('my own note');
  });

  it('uses the port clear() when there is one', async () => {
    const clip = new FakeClipboard();
    const port: ClipboardPort = { writeText: (s) => clip.writeText(s), readText: () => clip.readText(), clear: () => { clip.clears += 1; clip.text = ''; } };
    await createClipboardService(port, { clearAfterMs: 10 }).copySecret('s');
    await vi.advanceTimersByTimeAsync(10);
    expect(clip.clears).toBe(1);
    expect(clip.text).toBe('');
  });

  it('a second copy restarts the timer for the new value', async () => {
    const clip = new FakeClipboard();
    const service = createClipboardService(clip, { clearAfterMs: 1000 });
    await service.copySecret('first');
    await vi.advanceTimersByTimeAsync(600);
    await service.copySecret('second');
    await vi.advanceTimersByTimeAsync(600); // the first timer would have fired here
    expect(clip.text).toBe('second');
    await vi.advanceTimersByTimeAsync(400);
    expect(clip.text).toBe('');
  });

  it('dispose() clears a pending secret at once (app quit)', async () => {
    const clip = new FakeClipboard();
    const service = createClipboardService(clip, { clearAfterMs: 60_000 });
    await service.copySecret('s');
    await service.dispose();
    expect(clip.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clearAfterMs <= 0 turns auto-clear off', async () => {
    const clip = new FakeClipboard();
    const { clearsAt } = await createClipboardService(clip, { clearAfterMs: 0 }).copySecret('s');
    expect(clearsAt).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(clip.text).toBe('s');
  });

  it('accepts injected timers and clock', async () => {
    const clip = new FakeClipboard();
    const scheduled: Array<{ fn: () => void; ms: number }> = [];
    const service = createClipboardService(clip, {
      clearAfterMs: 5000,
      now: () => 1_000,
      setTimeout: (fn, ms) => scheduled.push({ fn, ms }),
      clearTimeout: () => undefined,
    });
    expect((await service.copySecret('x')).clearsAt).toBe(new Date(6_000).toISOString());
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.ms).toBe(5000);
    scheduled[0]?.fn();
    await Promise.resolve();
    await Promise.resolve();
    expect(clip.text).toBe('');
  });
});
