/**
 * Which modules can a token of this account have? (The edit form's choices and names.)
 *
 * - Operations: GET /accounts/modules (the whole catalogue) -> source 'api'.
 * - Client / Vendor: that endpoint is documented as ops-only (403, marketplace-api.md §4), and
 *   no other source is known. So we DERIVE: the union of the modules on the account's tokens
 *   plus the documented default free modules of the account type, with names from the tokens
 *   where seen, else from a small table of known names -> source 'derived', partial true (the
 *   account may have paid modules no token uses yet).
 * - The in-app sandbox (*Try the sandbox*): its simulator's catalogue is known here, so its
 *   list is whole, whatever the account type, and no "may be partial" warning is shown.
 */
import type { z } from 'zod';
import type { modulesResultSchema } from '../../../common/contract';
import type { AccountType, ApiToken, Module, ModuleRef } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import type { OfflineCache } from '../cache';
import type { Sessions } from '../session';
import { isUnreachable } from '../../../common/messages';
import { modulesForAccountType } from '../../sandbox/modules-catalogue';
import { cachedItems } from './views';

export type ModulesResult = z.output<typeof modulesResultSchema>;

/** What the module catalogue needs: the session, and the cache it falls back on offline. */
export type ModulesServices = Sessions & { cache: Pick<OfflineCache, 'getModules' | 'putModules' | 'getTokens' | 'putTokens'> };

/** marketplace-api.md §4 "Default free modules per account type" (CONFIRMED, S9). */
export const DEFAULT_MODULE_IDS: Readonly<Record<AccountType, readonly string[]>> = {
  Client: ['MOD-0478', 'MOD-0622', 'MOD-1239', 'MOD-1756', 'MOD-4525', 'MOD-5842', 'MOD-6338', 'MOD-8352', 'MOD-9042'],
  Vendor: ['MOD-0478', 'MOD-1239', 'MOD-1756', 'MOD-4525', 'MOD-5842', 'MOD-8352', 'MOD-8743', 'MOD-9042'],
  // No documented defaults for Operations: its tokens are the only local source.
  Operations: [],
};

/** Names we know without asking (marketplace-api.md §4); others stay nameless rather than guessed. */
export const KNOWN_MODULES: Readonly<Record<string, { name: string; description?: string }>> = {
  'MOD-1756': { name: 'Access Management', description: 'Manage the access to your account' },
  'MOD-0478': { name: 'Marketplace', description: 'Buy and manage subscription based licenses.' },
  'MOD-9042': { name: 'Account management', description: 'Manage the licensees and other account objects' },
};

/** Pure: union of the tokens' modules and the defaults of the type, sorted by name then id. */
export function deriveModules(tokens: readonly Pick<ApiToken, 'modules'>[], accountType: AccountType): Module[] {
  const byId = new Map<string, Module>();
  // Keep the richest entry seen: a list `select` may have trimmed some refs' names.
  const take = (ref: ModuleRef) => {
    const m: Module = byId.get(ref.id) ?? { id: ref.id };
    if (!m.name && ref.name) m.name = ref.name;
    if (!m.description && ref.description) m.description = ref.description;
    byId.set(ref.id, m);
  };
  for (const t of tokens) for (const m of t.modules ?? []) take(m);
  for (const id of DEFAULT_MODULE_IDS[accountType]) if (!byId.has(id)) byId.set(id, { id });
  for (const m of byId.values()) {
    const known = KNOWN_MODULES[m.id];
    if (known && !m.name) m.name = known.name;
    if (known?.description && !m.description) m.description = known.description;
  }
  return [...byId.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.id.localeCompare(b.id));
}

export async function tokenModules(services: ModulesServices): Promise<ModulesResult> {
  const { profile, client } = await services.session();
  if (profile.sandbox) {
    const modules = modulesForAccountType(profile.account.type).map(({ id, name, description }) => ({ id, name, description }));
    return { modules, source: 'api', partial: false };
  }
  if (profile.account.type === 'Operations') {
    try {
      const modules = await client.modules.listAll();
      services.cache.putModules(profile.id, modules);
      return { modules, source: 'api', partial: false };
    } catch (error) {
      const cached = services.cache.getModules(profile.id);
      if (isUnreachable(error) && cached) return { modules: cached.items, source: 'api', partial: false };
      // 403 (an ops token without platform account management) or offline without a cache:
      // fall through to the derived list rather than leaving the form with no choices.
      if (!(DeskError.is(error) && (error.code === 'forbidden' || isUnreachable(error)))) throw error;
    }
  }
  const snapshot = services.cache.getTokens(profile.id);
  let tokens: readonly ApiToken[] | undefined = snapshot ? cachedItems(snapshot) : undefined;
  if (!tokens) {
    // Nothing synced yet: read the list once (and keep it, it is the same data as a sync).
    try {
      tokens = cachedItems(services.cache.putTokens(profile.id, await client.tokens.listAll()));
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      tokens = [];
    }
  }
  // An Operations account sees every account's tokens; only its own say what it may use.
  const own = tokens.filter((t) => !t.account?.id || t.account.id === profile.account.id);
  return { modules: deriveModules(own, profile.account.type), source: 'derived', partial: true };
}
