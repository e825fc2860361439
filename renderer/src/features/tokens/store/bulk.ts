/** Bulk enable / disable / delete on the list: the store keeps the run's state, bulk-runner.ts runs it. */
import { runBulk } from '../bulk-runner';
import type { BulkActions, GetTokens, SetTokens } from './state';

export function bulkActions(set: SetTokens, get: GetTokens): BulkActions {
  return {
    runBulk(action, ids) {
      return runBulk(
        {
          tokens: () => get().tokens,
          bulk: () => get().bulk,
          setBulk: (bulk) => set({ bulk }),
          applyToken: (token) => get().applyToken(token),
          removeToken: (id) => get().removeToken(id),
        },
        action,
        ids,
      );
    },
    closeBulk: () => set({ bulk: null }),
  };
}
