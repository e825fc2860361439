/**
 * A SecretStore that keeps its entries in this process's memory and nowhere else. It exists for
 * one case only: the sandbox connection on a machine without a working keychain (Vault decides,
 * vault.ts). The sandbox's admin token is made up for this run and its token values open nothing
 * outside it, so losing them when Token Desk quits is the honest price; a real connection's
 * secrets never come here.
 */
import type { SecretStore } from './vault';

export function createMemorySecretStore(): SecretStore {
  const entries = new Map<string, string>();
  return {
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => {
      entries.set(account, secret);
    },
    delete: async (account) => entries.delete(account),
    list: async () => [...entries.keys()],
  };
}
