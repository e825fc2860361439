/**
 * Bulk enable / disable / delete. A few tokens at a time (the Marketplace has no bulk endpoint
 * and undocumented rate limits), one `tokens.bulkProgress` event per finished token, and one
 * failure never stops the batch: every token gets its own result, in input order.
 *
 * Each result says what really happened, so the page can count it honestly: changed, already so
 * (`unchanged`), left alone (`skipped`: the token the connection signs in with is never
 * disabled or deleted), or failed.
 */
import type { BulkOutcome, TokenView } from '../../../common/contract';
import { userMessage } from '../../../common/messages';
import { isOwnToken, OWN_TOKEN_SKIPPED } from '../../../common/own-token';
import type { HandlerContext } from '../dispatch';
import type { ActiveSession } from '../session';
import { deleteToken, getToken, toggleToken, type LifecycleServices } from './lifecycle';

export type BulkAction = 'enable' | 'disable' | 'delete';

export interface BulkItemResult {
  id: string;
  ok: boolean;
  outcome?: BulkOutcome;
  message?: string;
  token?: TokenView;
}

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

  const target = action === 'enable' ? 'Active' : 'Disabled';
  // What the list last showed: a token it shows in the target state is read before any write,
  // so one that already is so is reported as such and gets no write (nor an audit record).
  const listed = action === 'delete' ? new Map<string, { status: string }>() : services.cache.tokenFacts(session.profile.id, ids);

  const one = async (id: string): Promise<BulkItemResult> => {
    if (action !== 'enable' && isOwnToken(id, session.profile)) return { id, ok: false, outcome: 'skipped', message: OWN_TOKEN_SKIPPED };
    try {
      if (action === 'delete') {
        const outcome = await deleteToken(services, id, session);
        const gone: Pick<BulkItemResult, 'outcome'> = outcome.alreadyGone ? { outcome: 'unchanged' } : {};
        return outcome.keychainError
          ? { id, ok: true, ...gone, message: `Deleted, but its stored value could not be removed: ${outcome.keychainError}` }
          : { id, ok: true, ...gone };
      }
      if (listed.get(id)?.status === target) {
        const current = await alreadyIn(services, id, target, session);
        if (current) return { id, ok: true, outcome: 'unchanged', token: current };
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
      ctx.emit('tokens.bulkProgress', {
        done,
        total: ids.length,
        id,
        ok: result.ok,
        ...(result.outcome ? { outcome: result.outcome } : {}),
        ...(result.message ? { message: result.message } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  return { results };
}

/** The token as the Marketplace has it now when it is in `target` already; else undefined (then it is written). */
async function alreadyIn(services: LifecycleServices, id: string, target: string, session: ActiveSession): Promise<TokenView | undefined> {
  try {
    const current = await getToken(services, id, session);
    return current.status === target ? current : undefined;
  } catch {
    // The write that follows reports whatever is wrong, in the words of the action.
    return undefined;
  }
}
