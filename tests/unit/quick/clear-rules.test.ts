/** The clear delay from Settings: unchanged-only, restarted by a new copy, "never", and on quit. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClipboardService } from '../../../main/core/clipboard';
import { createCoreServices } from '../../../main/core/services';
import { MemorySecretStore, MemoryStore } from '../core/fakes';

function fakeClipboard() {
  const clip = { text: '', clears: 0, writeText: (t: string) => void (clip.text = t), readText: () => clip.text, clear: () => void ((clip.text = ''), clip.clears++) };
  return clip;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('clear rules', () => {
  it('a changed delay applies to the next copy; a new copy restarts the clock', async () => {
    const clip = fakeClipboard();
    const service = createClipboardService(clip);
    service.setClearAfterMs(10_000);
    await service.copySecret('secret-a');
    await vi.advanceTimersByTimeAsync(8_000);
    await service.copySecret('secret-b'); // restarts: 10 s from now
    await vi.advanceTimersByTimeAsync(8_000);
    expect(clip.text).toBe('secret-b');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(clip.text).toBe('');
    expect(clip.clears).toBe(1);
  });

  it('clears only if the clipboard still holds the value', async () => {
    const clip = fakeClipboard();
    const service = createClipboardService(clip, { clearAfterMs: 10_000 });
    await service.copySecret('secret-a');
    clip.writeText('the user copied this');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clip.text).toBe('the user copied this');
    expect(clip.clears).toBe(0);
  });

  it('"never" keeps the value, says so (no clearsAt), and quit still clears it', async () => {
    const clip = fakeClipboard();
    const service = createClipboardService(clip);
    service.setClearAfterMs(0);
    expect((await service.copySecret('secret-a')).clearsAt).toBeNull();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(clip.text).toBe('secret-a');
    await service.dispose();
    expect(clip.text).toBe('');
  });

  it('on quit a pending clear happens at once, but not over the user’s own copy', async () => {
    const clip = fakeClipboard();
    const service = createClipboardService(clip, { clearAfterMs: 30_000 });
    await service.copySecret('secret-a');
    await service.dispose();
    expect(clip.text).toBe('');
    await service.copySecret('secret-b');
    clip.writeText('mine');
    await service.dispose();
    expect(clip.text).toBe('mine');
  });

  it('the Settings value drives the core clipboard service, now and after a change', async () => {
    const settings = new MemoryStore();
    settings.set('desktop.settings', { clipboardClearMs: 120_000 });
    const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: new MemorySecretStore(), clipboard: fakeClipboard() });
    expect(services.clipboard.clearAfterMs()).toBe(120_000);
    services.desktopSettings.set({ clipboardClearMs: 10_000 });
    expect(services.clipboard.clearAfterMs()).toBe(10_000);
    expect(() => services.desktopSettings.set({ clipboardClearMs: 12_345 })).toThrow(/offered clear delays/);
    expect(services.desktopSettings.get().clipboardClearMs).toBe(10_000);
  });
});
