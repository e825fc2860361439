/**
 * Quick Access: every stored token value across ALL connections (not only the active one),
 * grouped by connection, and the copy by connection + token. Names and states come from each
 * connection's offline cache; a value without a cached token is listed by its id.
 */
import type { ConnectionProfile } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import { isLoopbackHost } from '../../../common/base-url';
import { copiedNotice, userMessage } from '../../../common/messages';
import type { AccessSource } from '../../../common/access-sources';
import type { QuickGroup, QuickList } from '../../../common/quick-access';
import type { AccessLog } from '../access-log';
import type { OfflineCache } from '../cache';
import type { ConnectionService } from '../connections';
import { copyValueOf, type Notify, type ValueReadServices } from '../tokens/values';
import type { Vault } from '../vault';

/** What Quick Access needs: every saved connection, their stored values and remembered names, the copy path. */
export type QuickServices = ValueReadServices & {
  connections: Pick<ConnectionService, 'active' | 'list' | 'get'>;
  vault: Pick<Vault, 'listTokenIds'>;
  cache: Pick<OfflineCache, 'tokenFacts' | 'valueFacts'>;
  accessLog: Pick<AccessLog, 'recentCopies'>;
};

/** "Sandbox" for the built-in sandbox, "Local" for a loopback API, else the API's host name. */
export function environmentOf(profile: ConnectionProfile): string {
  if (profile.sandbox) return 'Sandbox';
  try {
    const host = new URL(profile.baseUrl).hostname;
    return isLoopbackHost(host) ? 'Local' : host;
  } catch {
    return profile.baseUrl;
  }
}

async function groupOf(services: QuickServices, profile: ConnectionProfile, activeId: string | undefined): Promise<QuickGroup> {
  const ids = await services.vault.listTokenIds(profile.id);
  // Only the tokens with a stored value: the active connection's from its list (in memory), the
  // others' as remembered, so the tray never reads another connection's whole list.
  const cached = profile.id === activeId ? services.cache.tokenFacts(profile.id, ids) : services.cache.valueFacts(profile.id, ids);
  const tokens = ids
    .map((id) => {
      const token = cached.get(id);
      const status = token?.status === 'Active' || token?.status === 'Disabled' ? token.status : 'Unknown';
      return { id, name: token?.name ?? id, status } as const;
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {
    connectionId: profile.id,
    connectionName: profile.name,
    accountType: profile.account.type,
    environment: environmentOf(profile),
    active: profile.id === activeId,
    tokens,
  };
}

/** The active connection first, then the others by name; connections without stored values are left out. */
export async function quickList(services: QuickServices): Promise<QuickList> {
  const activeId = services.connections.active()?.id;
  const profiles = [...services.connections.list()].sort(
    (a, b) => Number(b.id === activeId) - Number(a.id === activeId) || a.name.localeCompare(b.name),
  );
  const groups = (await Promise.all(profiles.map((p) => groupOf(services, p, activeId)))).filter((g) => g.tokens.length > 0);
  const recent = services.accessLog
    .recentCopies(5)
    .filter((e) => services.connections.get(e.connectionId))
    .map(({ connectionId, tokenId, tokenName }) => ({ connectionId, tokenId, tokenName }));
  return { groups, recent };
}

/** Copies the value of `tokenId` of connection `connectionId` (any saved connection, not only the active one). */
export async function quickCopyOf(
  services: QuickServices,
  connectionId: string,
  tokenId: string,
  source: AccessSource,
  notify?: Notify,
): Promise<{ clearsAt: string; message: string }> {
  const profile = services.connections.get(connectionId);
  if (!profile) throw new DeskError({ code: 'not_found', message: 'That connection is no longer saved in Token Desk.' });
  const { clearsAt, inFrontOnly, label } = await copyValueOf(services, profile, tokenId, source);
  const message = copiedNotice(label, clearsAt ? services.clipboard.clearAfterMs() : 0, inFrontOnly);
  notify?.({ level: 'success', message });
  return { clearsAt: clearsAt ?? '', message };
}

/**
 * The tray's copy: `quickCopyOf`, but it never rejects (a menu click has no caller to report to).
 * A failure goes to `notifyError` and is logged by its code or error name only, never with its
 * text (which could hold anything). Success is told by the access-log listener (the OS notice).
 */
export async function copyFromTray(services: QuickServices, connectionId: string, tokenId: string, notifyError: Notify): Promise<void> {
  try {
    await quickCopyOf(services, connectionId, tokenId, 'tray');
  } catch (error) {
    console.warn('[token-desk] tray copy failed:', DeskError.is(error) ? error.code : error instanceof Error ? error.name : typeof error);
    // DeskError messages on this path are Token Desk's own sentences (no value); others are not shown.
    notifyError({ level: 'error', message: `Could not copy ${tokenId}. ${userMessage(error)}` });
  }
}
