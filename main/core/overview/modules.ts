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

/** A generator (it reads every row once): yields every `slice` rows so its caller can let the event loop run. */
export function* moduleFacts(t: TokenTable, slice: number): Generator<void, ModuleFacts> {
  const refs = t.moduleRefs.length;
  const am = new Uint8Array(refs);
  let anyAm = false;
  t.moduleRefs.forEach(([id, name], k) => {
    if (id !== ACCESS_MANAGEMENT && name?.toLowerCase() !== 'access management') return;
    am[k] = 1;
    anyAm = true;
  });
  // Each account type's modules as seen on its tokens: one flag per (type, module), set row by row.
  const types = [...new Set(t.accountRefs.map(([, , type]) => type ?? ''))];
  const typeOfAccount = Int32Array.from(t.accountRefs, ([, , type]) => types.indexOf(type ?? ''));
  const seen = new Uint8Array(types.length * refs);
  for (let i = 0; i < t.id.length; i++) {
    if (i > 0 && i % slice === 0) yield;
    const base = typeOfAccount[t.account[i]!]! * refs;
    const mods = t.modules[i]!;
    for (let k = 0; k < mods.length; k++) seen[base + mods[k]!] = 1;
  }
  const universe = types.map((type, ti) => {
    const ids = new Set<string>();
    for (let m = 0; m < refs; m++) if (seen[ti * refs + m]) ids.add(t.moduleRefs[m]![0]);
    if (isAccountType(type)) for (const id of DEFAULT_MODULE_IDS[type]) ids.add(id);
    return ids.size;
  });
  return {
    hasAccessManagement(row) {
      if (!anyAm) return false;
      const mods = t.modules[row]!;
      for (let k = 0; k < mods.length; k++) if (am[mods[k]!]) return true;
      return false;
    },
    hasEveryModule(row) {
      const size = universe[typeOfAccount[t.account[row]!]!] ?? 0;
      const mods = t.modules[row]!;
      // One or two modules in all is no finding: such an account has little to grant.
      if (size < 3 || mods.length < size) return false;
      return new Set(mods).size >= size;
    },
  };
}
