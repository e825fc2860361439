/**
 * UI preferences (the token table's filters and sort) in the settings store.
 * The search text is what the user typed; if they pasted a token value into it,
 * it is not written down: secrets go to the keychain only.
 */
import type { z } from 'zod';
import type { prefsSchema } from '../../../common/contract';
import { looksLikeSecret } from '../../../common/token-value';
import type { Handler } from '../dispatch';
import type { KeyValueStore } from '../store';
import { SETTINGS_KEYS } from '../settings-keys';

type Prefs = z.infer<typeof prefsSchema>;
const KEY = SETTINGS_KEYS.uiPrefs;

export function withoutSecrets(prefs: Prefs): Prefs {
  if (!prefs.tokens || !looksLikeSecret(prefs.tokens.filters.text)) return prefs;
  return { ...prefs, tokens: { ...prefs.tokens, filters: { ...prefs.tokens.filters, text: '' } } };
}

export function prefsHandlers(services: { settings: KeyValueStore }): { 'prefs.get': Handler<'prefs.get'>; 'prefs.set': Handler<'prefs.set'> } {
  return {
    'prefs.get': async () => services.settings.get<Prefs>(KEY) ?? {},
    'prefs.set': async (prefs) => {
      services.settings.set(KEY, withoutSecrets({ ...(services.settings.get<Prefs>(KEY) ?? {}), ...prefs }));
      return { ok: true };
    },
  };
}
