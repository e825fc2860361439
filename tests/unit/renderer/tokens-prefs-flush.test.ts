// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS } from '../../../renderer/src/features/tokens/filtering';

afterEach(() => {
  vi.doUnmock('../../../renderer/src/desk');
  vi.resetModules();
  vi.useRealTimers();
});

async function prefsWithFakeDesk() {
  vi.resetModules();
  const call = vi.fn(async () => ({ ok: true }));
  vi.doMock('../../../renderer/src/desk', () => ({ desk: { call } }));
  const prefs = await import('../../../renderer/src/features/tokens/prefs');
  return { call, prefs };
}

describe('the debounced prefs save', () => {
  it('writes once, after the typing pause, with the last value', async () => {
    vi.useFakeTimers();
    const { call, prefs } = await prefsWithFakeDesk();
    prefs.save({ filters: { ...DEFAULT_FILTERS, text: 'a' }, sort: { key: 'name', dir: 'asc' } });
    prefs.save({ filters: { ...DEFAULT_FILTERS, text: 'ab' }, sort: { key: 'name', dir: 'asc' } });
    expect(call).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('prefs.set', { tokens: { filters: { ...DEFAULT_FILTERS, text: 'ab' }, sort: { key: 'name', dir: 'asc' } } });
  });

  it('is flushed when the page goes away inside the pause, so a reload keeps the last change', async () => {
    vi.useFakeTimers();
    const { call, prefs } = await prefsWithFakeDesk();
    prefs.save({ filters: { ...DEFAULT_FILTERS, status: 'all' }, sort: { key: 'status', dir: 'desc' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('prefs.set', { tokens: { filters: { ...DEFAULT_FILTERS, status: 'all' }, sort: { key: 'status', dir: 'desc' } } });
    vi.advanceTimersByTime(1000);
    expect(call).toHaveBeenCalledTimes(1);
  });
});
