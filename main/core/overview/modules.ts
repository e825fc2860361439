/**
 * The module findings, read from a token table's module column: who holds Access Management (the
 * module that can create tokens, so the key to the account), and who holds every module their
 * account type is known to offer (the union of the modules seen on that type's tokens and the
 * type's documented defaults — an account may have paid modules no token uses, which nobody
 * could be seen to hold).
 */
import type { AccountType } from '../../../common/domain';
import type { TokenTable } from '../../../common/token-table';
import { DEFAULT_MODULE_IDS, KNOWN_MODULES } from '../tokens/modules-source';

const ACCESS_MANAGEMENT = Object.entries(KNOWN_MODULES).find(([, m]) => m.name === 'Access Management')![0];

export interface ModuleFacts {
  hasAccessManagement(row: number): boolean;
  hasEveryModule(row: number): boolean;
}

const isAccountType = (type: string | null): type is AccountType => type === 'Client' || type === 'Vendor' || type === 'Operations';

export function moduleFacts(t: TokenTable): ModuleFacts {
  const am = new Set<number>();
  t.moduleRefs.forEach(([id, name], k) => {
    if (id === ACCESS_MANAGEMENT || name?.toLowerCase() === 'access management') am.add(k);
  });
  // The account type of each account reference, and each type's modules as seen on its tokens.
  const typeOfAccount = t.accountRefs.map(([, , type]) => type ?? '');
  const seen = new Map<string, Set<number>>();
  for (let i = 0; i < t.id.length; i++) {
    const type = typeOfAccount[t.account[i]!] ?? '';
    let set = seen.get(type);
    if (!set) seen.set(type, (set = new Set()));
    for (const m of t.modules[i]!) set.add(m);
  }
  const universe = new Map<string, number>();
  for (const [type, set] of seen) {
    const ids = new Set<string>();
    for (const m of set) ids.add(t.moduleRefs[m]?.[0] ?? '');
    if (isAccountType(type)) for (const id of DEFAULT_MODULE_IDS[type]) ids.add(id);
    universe.set(type, ids.size);
  }
  return {
    hasAccessManagement(row) {
      if (am.size === 0) return false;
      const mods = t.modules[row]!;
      for (let k = 0; k < mods.length; k++) if (am.has(mods[k]!)) return true;
      return false;
    },
    hasEveryModule(row) {
      const size = universe.get(typeOfAccount[t.account[row]!] ?? '') ?? 0;
      // One or two modules in all is no finding: such an account has little to grant.
      const mods = t.modules[row]!;
      if (size < 3 || mods.length < size) return false;
      return new Set(mods).size >= size;
    },
  };
}
