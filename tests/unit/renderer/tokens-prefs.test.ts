import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokensPrefs } from '../../../renderer/src/features/tokens/prefs';
import { DEFAULT_FILTERS } from '../../../renderer/src/features/tokens/filtering';

const PREFS = '../../../renderer/src/features/tokens/prefs';
const STORE = '../../../renderer/src/features/tokens/store/tokens-ui-store';

afterEach(() => {
  vi.doUnmock(PREFS);
  vi.resetModules();
});

describe('filters and sort go through the prefs adapter', () => {
  it('restores saved prefs at start and saves every change', async () => {
    const disk: { value: TokensPrefs | undefined } = {
      value: { filters: { ...DEFAULT_FILTERS, status: 'Disabled', unused: true }, sort: { key: 'lastAccess', dir: 'asc' } },
    };
    vi.resetModules();
    vi.doMock(PREFS, () => ({ load: async () => disk.value, save: (p: TokensPrefs) => (disk.value = p) }));
    const { useTokensUiStore } = await import(STORE);
    await vi.waitFor(() => expect(useTokensUiStore.getState().filters).toEqual({ ...DEFAULT_FILTERS, status: 'Disabled', unused: true }));
    expect(useTokensUiStore.getState().sort).toEqual({ key: 'lastAccess', dir: 'asc' });
    useTokensUiStore.getState().setFilters({ text: 'ci' });
    expect(disk.value?.filters.text).toBe('ci');
    useTokensUiStore.getState().toggleSort('lastAccess');
    expect(disk.value?.sort).toEqual({ key: 'lastAccess', dir: 'desc' });
    useTokensUiStore.getState().toggleSort('name');
    expect(disk.value?.sort).toEqual({ key: 'name', dir: 'asc' });
  });

  it('applies prefs that arrive later (async adapter) unless the user changed something first', async () => {
    vi.resetModules();
    let resolve!: (p: TokensPrefs) => void;
    vi.doMock(PREFS, () => ({ load: () => new Promise<TokensPrefs>((r) => (resolve = r)), save: () => undefined }));
    const { useTokensUiStore } = await import(STORE);
    expect(useTokensUiStore.getState().filters).toEqual(DEFAULT_FILTERS);
    resolve({ filters: { ...DEFAULT_FILTERS, moduleId: 'MOD-1239' }, sort: { key: 'status', dir: 'desc' } });
    await vi.waitFor(() => expect(useTokensUiStore.getState().filters.moduleId).toBe('MOD-1239'));
    expect(useTokensUiStore.getState().sort).toEqual({ key: 'status', dir: 'desc' });
  });
});
