/**
 * Token values kept in the keychain: copy (in main, with auto-clear), reveal (an explicit
 * "show"), add (a value for a token created elsewhere, verified with the API first), and the
 * tray's quick-copy list. A value never goes into an error message, an event, the cache or a log.
 */
import type { ConnectionProfile, TokenView } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import { CLIPBOARD_CLEAR_MS } from '../../../common/limits';
import { createMarketplaceClient } from '../api';
import { parseTokenValue } from '../api/whoami';
import { APP_VERSION } from '../app-info';
import type { HandlerContext } from '../dispatch';
import type { CoreServices } from '../services';
import { cachedName, upsertCachedToken } from './snapshot';
import { cachedItems, viewOf } from './views';

/** What a stored value must look like (the `idt:` format of marketplace-api.md §2.2). */
export const TOKEN_VALUE_PATTERN = /^idt:TKN-\d{4}-\d{4}:[A-Za-z0-9]+$/;

function activeProfile(services: CoreServices): ConnectionProfile {
  const profile = services.connections.active();
  if (!profile) throw new DeskError({ code: 'not_connected', message: 'Connect to the Marketplace first.' });
  return profile;
}

async function storedValue(services: CoreServices, profile: ConnectionProfile, id: string): Promise<string> {
  const value = await services.vault.getTokenValue(profile.id, id);
  if (value === null) throw new DeskError({ code: 'not_found', message: `No value for ${id} is stored on this computer.` });
  return value;
}

/** Copies in main (the renderer never holds the value) and schedules the clipboard clear. */
export async function copyValue(services: CoreServices, id: string, ctx: HandlerContext): Promise<{ clearsAt: string }> {
  const profile = activeProfile(services);
  const value = await storedValue(services, profile, id);
  const { clearsAt } = await services.clipboard.copySecret(value);
  const label = cachedName(services.cache, profile.id, id) ?? id;
  const seconds = Math.round(CLIPBOARD_CLEAR_MS / 1000);
  ctx.emit('app.notice', { level: 'success', message: clearsAt ? `Copied ${label}. The clipboard clears in ${seconds} s.` : `Copied ${label}.` });
  return { clearsAt: clearsAt ?? '' };
}

/** Only for an explicit "show": the renderer hides it again after REVEAL_TIMEOUT_MS. */
export async function revealValue(services: CoreServices, id: string): Promise<{ value: string }> {
  const profile = activeProfile(services);
  return { value: await storedValue(services, profile, id) };
}

function refuse(message: string): DeskError {
  return new DeskError({ code: 'validation', message, fields: { value: [message] } });
}

/** Local checks: the format (with parseTokenValue's specific hints) and the TKN id. */
export function checkValueFor(id: string, raw: string): string {
  const value = raw.trim();
  try {
    parseTokenValue(value);
  } catch (error) {
    throw DeskError.is(error) ? refuse(error.message) : error;
  }
  if (!TOKEN_VALUE_PATTERN.test(value)) {
    throw refuse('This is not a valid API token value. It should look like idt:TKN-1234-5678: followed by letters and digits.');
  }
  const { tokenId } = parseTokenValue(value);
  if (tokenId !== id) throw refuse(`This value belongs to ${tokenId}, not ${id}.`);
  return value;
}

/**
 * Keep a value for a token created elsewhere (the API returns values only on create).
 * Checked locally, then proven by authenticating WITH it: a who-am-I call with the value as the
 * bearer token. 401 = wrong secret. 403 = it authenticated but may not read tokens (it lacks the
 * Access Management module), which still proves the value.
 */
export async function addValue(services: CoreServices, id: string, raw: string): Promise<TokenView> {
  const value = checkValueFor(id, raw);
  const { profile, client } = await services.session();
  // The token must be one this connection can see (and we need its state for the messages).
  const token = await client.tokens.get(id);
  const probe = createMarketplaceClient({ baseUrl: client.baseUrl, token: value, appVersion: APP_VERSION, retry: { maxAttempts: 2 } });
  try {
    await probe.whoAmI();
  } catch (error) {
    if (!DeskError.is(error)) throw error;
    if (error.code === 'unauthorized' || error.code === 'not_found') {
      if (token.status !== 'Active') {
        throw refuse(`${id} is ${token.status.toLowerCase()}, so the Marketplace cannot confirm a value for it. Enable the token first, then add its value.`);
      }
      throw refuse(`The Marketplace rejected this value: it is not the value of ${id}. Check that you copied the whole value.`);
    }
    if (error.code !== 'forbidden') throw error; // offline, timeout, server: cannot verify now
  }
  await services.vault.setTokenValue(profile.id, id, value);
  upsertCachedToken(services.cache, profile.id, token);
  return viewOf(services, profile.id, token);
}

/** For the tray: the active connection's tokens whose value is in the keychain, by name. */
export async function quickCopyEntries(services: CoreServices): Promise<{ tokenId: string; label: string }[]> {
  const profile = services.connections.active();
  if (!profile) return [];
  const ids = await services.vault.listTokenIds(profile.id);
  const names = new Map(cachedItems(services.cache.getTokens(profile.id)).map((t) => [t.id, t.name]));
  return ids
    .map((tokenId) => ({ tokenId, label: names.get(tokenId) ?? tokenId }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.tokenId.localeCompare(b.tokenId));
}
