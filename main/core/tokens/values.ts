/**
 * Token values kept in the keychain: copy (in main, with auto-clear), reveal (an explicit
 * "show") and add (a value for a token created elsewhere, verified with the API first). The
 * tray and Quick Access copy through core/quick/list.ts. A value never goes into an error message, an event, the cache or a log.
 * Every copy and reveal is written to the value access log (core/access-log.ts): who, what,
 * from where; never the value.
 */
import type { ConnectionProfile, EventPayload, TokenView } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import { copiedNotice, notConnectedError } from '../../../common/messages';
import type { AccessSource } from '../../../common/access-sources';
import { checkTokenValue } from '../../../common/token-value';
import { createMarketplaceClient } from '../api';
import { APP_VERSION } from '../app-info';
import type { AccessLog } from '../access-log';
import type { OfflineCache } from '../cache';
import type { ClipboardService } from '../clipboard';
import type { ConnectionService } from '../connections';
import type { Sessions } from '../session';
import type { Vault } from '../vault';
import { cachedName, upsertCachedToken } from './snapshot';
import type { UnsavedValues } from './unsaved-values';
import { viewOf, type ViewServices } from './views';

/** Where a copy's outcome is told: an IPC/WebSocket caller's `app.notice`, or the tray's OS notice. */
export type Notify = (notice: EventPayload<'app.notice'>) => void;

/** What reading a stored value needs: where values are (keychain, or memory when it refused), names for the log. */
export interface ValueReadServices {
  vault: Pick<Vault, 'getTokenValue'>;
  unsavedValues: Pick<UnsavedValues, 'get'>;
  cache: OfflineCache;
  clipboard: Pick<ClipboardService, 'copySecret' | 'clearAfterMs'>;
  accessLog: Pick<AccessLog, 'record'>;
}

/** What the `values.*` calls need besides: the active connection, and for a new value the session and the view facts. */
export type ValueServices = ValueReadServices &
  ViewServices &
  Sessions & {
    connections: Pick<ConnectionService, 'active'>;
    vault: Pick<Vault, 'setTokenValue'>;
    unsavedValues: Pick<UnsavedValues, 'forget'>;
  };

function activeProfile(services: Pick<ValueServices, 'connections'>): ConnectionProfile {
  const profile = services.connections.active();
  if (!profile) throw notConnectedError();
  return profile;
}

async function storedValue(services: ValueReadServices, profile: ConnectionProfile, id: string): Promise<string> {
  const value = await services.vault.getTokenValue(profile.id, id);
  if (value === null) throw new DeskError({ code: 'not_found', message: `No value for ${id} is stored on this computer.` });
  return value;
}

function recordAccess(services: ValueReadServices, profile: ConnectionProfile, id: string, source: AccessSource, action: 'reveal' | 'copy'): string {
  const tokenName = cachedName(services.cache, profile.id, id) ?? id;
  services.accessLog.record({ at: new Date().toISOString(), connectionId: profile.id, connectionName: profile.name, tokenId: id, tokenName, source, action });
  return tokenName;
}

/**
 * The one copy path (IPC, browser host, tray, Quick Access): copies in main, so the renderer never
 * holds the value, schedules the clipboard clear and logs the access. A value the keychain
 * refused at creation is copied from main's memory (unsaved-values.ts) while the wizard's
 * summary still shows it. `profile` is the active connection unless Quick Access names another.
 */
export async function copyValueOf(
  services: ValueReadServices,
  profile: ConnectionProfile,
  id: string,
  source: AccessSource,
): Promise<{ clearsAt: string | null; inFrontOnly: boolean; label: string }> {
  // Memory first: an unsaved value exists only because the keychain failed, so asking it again would fail too.
  const value = services.unsavedValues.get(profile.id, id) ?? (await storedValue(services, profile, id));
  const { clearsAt, inFrontOnly } = await services.clipboard.copySecret(value);
  return { clearsAt, inFrontOnly: inFrontOnly === true, label: recordAccess(services, profile, id, source, 'copy') };
}

export async function copyValue(services: ValueServices, id: string, source: AccessSource, notify?: Notify): Promise<{ clearsAt: string; inFrontOnly?: true }> {
  const { clearsAt, inFrontOnly, label } = await copyValueOf(services, activeProfile(services), id, source);
  notify?.({ level: 'success', message: copiedNotice(label, clearsAt ? services.clipboard.clearAfterMs() : 0, inFrontOnly) });
  return inFrontOnly ? { clearsAt: clearsAt ?? '', inFrontOnly } : { clearsAt: clearsAt ?? '' };
}

/** The wizard's summary was closed: drop a value the keychain refused from main's memory. */
export function forgetUnsavedValue(services: ValueServices, id: string): { ok: true } {
  const profile = services.connections.active();
  if (profile) services.unsavedValues.forget(profile.id, id);
  return { ok: true };
}

/** Only for an explicit "show": the renderer hides it again after REVEAL_TIMEOUT_MS. */
export async function revealValue(services: ValueServices, id: string, source: AccessSource): Promise<{ value: string }> {
  const profile = activeProfile(services);
  const value = await storedValue(services, profile, id);
  recordAccess(services, profile, id, source, 'reveal');
  return { value };
}

function refuse(message: string): DeskError {
  return new DeskError({ code: 'validation', message, fields: { value: [message] } });
}

/** Local checks (common/token-value.ts): the format, with its specific hints, and the TKN id. */
export function checkValueFor(id: string, raw: string): string {
  const check = checkTokenValue(raw, id);
  if (!check.ok) throw refuse(check.problem);
  return check.value;
}

/**
 * Keep a value for a token created elsewhere (the API returns values only on create).
 * Checked locally, then proven by authenticating WITH it: a who-am-I call with the value as the
 * bearer token. 401 = wrong secret. 403 = it authenticated but may not read tokens (it lacks the
 * Access Management module), which still proves the value.
 */
export async function addValue(services: ValueServices, id: string, raw: string): Promise<TokenView> {
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
