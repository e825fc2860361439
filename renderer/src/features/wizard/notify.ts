/**
 * Keeps the token table in step with what the wizard did (before the next sync): the new
 * token appears at once, a rotated token shows what replaced it, and the summary's
 * disable/delete of the old token shows in its row. Uses the table's store (tokens-store).
 */
import type { TokenView } from '../../../../common/contract';
import { useTokensStore } from '../tokens/store/tokens-store';

export function notifyTokenCreated(token: TokenView, replaced?: TokenView): void {
  const store = useTokensStore.getState();
  store.applyToken(token);
  if (replaced) {
    const current = store.tokens.find((t) => t.id === replaced.id) ?? replaced;
    store.applyToken({ ...current, replacedBy: token.id });
  }
}

export function notifyTokenChanged(token: TokenView): void {
  useTokensStore.getState().applyToken(token);
}

export function notifyTokenRemoved(id: string): void {
  useTokensStore.getState().removeToken(id);
}
