/**
 * Bulk enable / disable / delete. A few tokens at a time (the Marketplace has no bulk endpoint
 * and undocumented rate limits), one `tokens.bulkProgress` event per finished token, and one
 * failure never stops the batch: every token gets its own ok/message result, in input order.
 */
import type { TokenView } from '../../../common/contract';
import { userMessage } from '../../../common/messages';
import type { HandlerContext } from '../dispatch';
import { deleteToken, toggleToken, type LifecycleServices } from './lifecycle';

export type BulkAction = 'enable' | 'disable' | 'delete';

export interface BulkItemResult {
  id: string;
  ok: boolean;
  message?: string;
  token?: TokenView;
}

/** Small on purpose: fast enough for hundreds of tokens, gentle on the API. */
export const BULK_CONCURRENCY = 3;

export async function runBulk(
  services: LifecycleServices,
  action: BulkAction,
  rawIds: readonly string[],
  ctx: HandlerContext,
  concurrency = BULK_CONCURRENCY,
): Promise<{ results: BulkItemResult[] }> {
  const ids = [...new Set(rawIds)];
  // One session (one keychain read of the credential) for the whole batch.
  const session = await services.session();
  const results: BulkItemResult[] = new Array<BulkItemResult>(ids.length);
  let next = 0;
  let done = 0;

  const one = async (id: string): Promise<BulkItemResult> => {
    try {
      if (action === 'delete') {
        const outcome = await deleteToken(services, id, session);
        return outcome.keychainError
          ? { id, ok: true, message: `Deleted, but its stored value could not be removed: ${outcome.keychainError}` }
          : { id, ok: true };
      }
      return { id, ok: true, token: await toggleToken(services, id, action, session) };
    } catch (error) {
      return { id, ok: false, message: userMessage(error) };
    }
  };

  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index]!;
      const result = await one(id);
      results[index] = result;
      done += 1;
      ctx.emit('tokens.bulkProgress', { done, total: ids.length, id, ok: result.ok, ...(result.message ? { message: result.message } : {}) });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  return { results };
}
