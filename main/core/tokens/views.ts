/**
 * ApiToken (as the API or the cache has it) -> TokenView (what the renderer may see).
 *
 * A view never carries the secret: `stripSecrets` (the cache's deep strip) removes every
 * `token` property at any depth and masks anything that looks like a value, so a future API
 * field cannot leak one either. `hasValue` comes from ONE keychain listing per call (a
 * Secret Service round trip per row would make 10,000 rows take seconds), and the rotation
 * links from the settings store.
 */
import type { TokenView } from '../../../common/contract';
import type { ApiToken } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { stripSecrets, type CacheSnapshot, type CachedToken } from '../cache';
import type { RotationLinks } from '../links';
import type { Vault } from '../vault';

/** What a token view needs: which values this computer stores, and the rotation links. */
export interface ViewServices {
  vault: Pick<Vault, 'listTokenIds' | 'hasTokenValue'>;
  links: Pick<RotationLinks, 'index'>;
}

export interface ViewContext {
  valueIds: ReadonlySet<string>;
  replacedBy: ReadonlyMap<string, string>;
  replaces: ReadonlyMap<string, string>;
}

/**
 * A cached token has the ApiToken shape minus `token`. (`CachedToken` is an Omit<> over a loose
 * object type, which TypeScript flattens to an index signature, so we read it as ApiToken.)
 */
export type AnyToken = ApiToken;

export function cachedItems(snapshot: CacheSnapshot<CachedToken> | undefined): ApiToken[] {
  return (snapshot?.items ?? []) as unknown as ApiToken[];
}

/** Pure: one token and what we know locally about it. */
export function toView(token: AnyToken, ctx: ViewContext): TokenView {
  const { token: _secret, ...rest } = stripSecrets(token);
  void _secret;
  const view: TokenView = { ...rest, modules: rest.modules ?? [], hasValue: ctx.valueIds.has(token.id) };
  const replacedBy = ctx.replacedBy.get(token.id);
  const replaces = ctx.replaces.get(token.id);
  if (replacedBy) view.replacedBy = replacedBy;
  if (replaces) view.replaces = replaces;
  return view;
}

/**
 * The local facts for a whole list: one keychain listing. If the keychain cannot be read the
 * list is still worth showing (the values are merely "not known to be there"), so that case
 * degrades to "no values" and `onKeychainError` lets the caller tell the user why.
 */
export async function loadViewContext(
  services: ViewServices,
  connectionId: string,
  onKeychainError?: (error: DeskError) => void,
): Promise<ViewContext> {
  let valueIds: string[] = [];
  try {
    valueIds = await services.vault.listTokenIds(connectionId);
  } catch (error) {
    if (!(DeskError.is(error) && error.code === 'keychain_unavailable')) throw error;
    onKeychainError?.(error);
  }
  return { valueIds: new Set(valueIds), ...services.links.index(connectionId) };
}

/** For a single token: one keychain read for that token, not a listing. */
export async function singleViewContext(services: ViewServices, connectionId: string, tokenId: string): Promise<ViewContext> {
  const has = await services.vault.hasTokenValue(connectionId, tokenId);
  return { valueIds: new Set(has ? [tokenId] : []), ...services.links.index(connectionId) };
}

export async function viewOf(services: ViewServices, connectionId: string, token: AnyToken): Promise<TokenView> {
  return toView(token, await singleViewContext(services, connectionId, token.id));
}
