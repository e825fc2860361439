/** The Vault's in-memory list of keychain account names (kept for Quick Access's speed) stays true. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Vault } from '../../../main/core/vault';
import { MemorySecretStore } from '../core/fakes';

const VALUE = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

afterEach(() => vi.useRealTimers());

describe('Vault account names', () => {
  it('lists the keychain once, then from memory; every write through the Vault is seen at once', async () => {
    const store = new MemorySecretStore();
    const list = vi.spyOn(store, 'list');
    const vault = new Vault(store);
    await vault.setTokenValue('c1', 'TKN-1234-5678', VALUE);
    expect(await vault.listTokenIds('c1')).toEqual(['TKN-1234-5678']);
    expect(await vault.listTokenIds('c1')).toEqual(['TKN-1234-5678']);
    expect(list).toHaveBeenCalledTimes(1);
    await vault.setTokenValue('c1', 'TKN-1234-5679', VALUE.replace('5678', '5679'));
    expect(await vault.listTokenIds('c1')).toEqual(['TKN-1234-5678', 'TKN-1234-5679']);
    await vault.deleteTokenValue('c1', 'TKN-1234-5678');
    expect(await vault.listTokenIds('c1')).toEqual(['TKN-1234-5679']);
  });

  it('a change made outside Token Desk shows up after 30 s (the stale list answers once while it refreshes)', async () => {
    vi.useFakeTimers();
    const store = new MemorySecretStore();
    const vault = new Vault(store);
    expect(await vault.listTokenIds('c1')).toEqual([]);
    await store.set('token:c1:TKN-1234-5678', VALUE); // e.g. another tool wrote the keychain
    expect(await vault.listTokenIds('c1')).toEqual([]);
    vi.advanceTimersByTime(30_001);
    expect(await vault.listTokenIds('c1')).toEqual([]); // stale answer, refresh started
    await vi.runAllTimersAsync();
    expect(await vault.listTokenIds('c1')).toEqual(['TKN-1234-5678']);
  });

  it('a failing keychain is reported, not hidden behind an old list', async () => {
    const store = new MemorySecretStore();
    const vault = new Vault(store);
    store.failWith = new Error('locked');
    await expect(vault.listTokenIds('c1')).rejects.toThrow('locked');
    store.failWith = undefined;
    expect(await vault.listTokenIds('c1')).toEqual([]);
  });
});
