/**
 * The token channels (`tokens.*`, but for the create path in create.ts). Thin on purpose: each
 * handler picks its module in main/core/tokens/ and passes the validated contract input on.
 */
import type { Handler } from '../dispatch';
import { runBulk } from '../tokens/bulk';
import { deleteToken, getToken, toggleToken, updateToken, type LifecycleServices } from '../tokens/lifecycle';
import { cachedTokens, syncTokens, type ListServices } from '../tokens/list';
import { tokenModules, type ModulesServices } from '../tokens/modules-source';

type TokenChannels = 'tokens.cached' | 'tokens.sync' | 'tokens.get' | 'tokens.enable' | 'tokens.disable' | 'tokens.update' | 'tokens.delete' | 'tokens.bulk' | 'tokens.modules';

export function tokenHandlers(services: ListServices & LifecycleServices & ModulesServices): { [C in TokenChannels]: Handler<C> } {
  return {
    'tokens.cached': (input, ctx) => cachedTokens(services, ctx, input),
    'tokens.sync': (input, ctx) => syncTokens(services, ctx, input),
    'tokens.get': ({ id }) => getToken(services, id),
    'tokens.enable': ({ id }) => toggleToken(services, id, 'enable'),
    'tokens.disable': ({ id }) => toggleToken(services, id, 'disable'),
    'tokens.update': (input) => updateToken(services, input),
    'tokens.delete': async ({ id }, ctx) => {
      const outcome = await deleteToken(services, id);
      if (outcome.keychainError) {
        ctx.emit('app.notice', { level: 'warning', message: `${id} was deleted, but its stored value could not be removed from the keychain: ${outcome.keychainError}` });
      }
      return { id: outcome.id, valueRemoved: outcome.valueRemoved };
    },
    'tokens.bulk': ({ action, ids }, ctx) => runBulk(services, action, ids, ctx),
    'tokens.modules': () => tokenModules(services),
  };
}
