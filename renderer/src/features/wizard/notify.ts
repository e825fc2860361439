/**
 * Keeps the token table in step with what the wizard did (before the next sync): the new
 * token appears at once. Uses the table's store (tokens-store).
 */
import type { TokenView } from '../../../../common/contract';
import { useTokensStore } from '../tokens/store/tokens-store';

export function notifyTokenCreated(token: TokenView): void {
  useTokensStore.getState().applyToken(token);
}
