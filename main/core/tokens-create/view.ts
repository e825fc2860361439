/** Token views for the renderer: never the secret; whether a value is held; rotation links. */
import type { TokenView } from '../../../common/contract';
import type { ApiToken } from '../../../common/domain';
import type { CoreServices } from '../services';

export function toTokenView(token: ApiToken, extra: { hasValue: boolean; replacedBy?: string; replaces?: string }): TokenView {
  const { token: _secret, ...rest } = token;
  const view: TokenView = { ...rest, hasValue: extra.hasValue };
  if (extra.replacedBy) view.replacedBy = extra.replacedBy;
  if (extra.replaces) view.replaces = extra.replaces;
  return view;
}

/** Views for several tokens of one connection (keychain failures read as "no value held"). */
export async function tokenViews(services: CoreServices, connectionId: string, tokens: readonly ApiToken[]): Promise<TokenView[]> {
  const held = new Set(await services.vault.listTokenIds(connectionId).catch(() => [] as string[]));
  const { replacedBy, replaces } = services.links.index(connectionId);
  return tokens.map((t) => {
    const extra: { hasValue: boolean; replacedBy?: string; replaces?: string } = { hasValue: held.has(t.id) };
    const by = replacedBy.get(t.id);
    const of = replaces.get(t.id);
    if (by) extra.replacedBy = by;
    if (of) extra.replaces = of;
    return toTokenView(t, extra);
  });
}
