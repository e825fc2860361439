/** Changes to single tokens in the list: a changed or removed row, a fresh read, enable / disable. */
import { desk } from '../../../desk';
import { errorMessage } from '../../../error-message';
import { ownTokenReason } from '../../../../../common/own-token';
import { isActiveConnectionToken } from '../own-token';
import { indexToken } from '../token-index';
import type { GetTokens, SetTokens, TokenActions } from './state';
import { openTokenId, useTokensUiStore } from './tokens-ui-store';

export function tokenActions(set: SetTokens, get: GetTokens): TokenActions {
  return {
    applyToken(token) {
      set((s) => {
        const entry = indexToken(token);
        const i = s.tokens.findIndex((t) => t.id === token.id);
        if (i < 0) return { tokens: [token, ...s.tokens], entries: [entry, ...s.entries], packed: undefined };
        const tokens = s.tokens.slice();
        const entries = s.entries.slice();
        tokens[i] = token;
        entries[i] = entry;
        return { tokens, entries, packed: undefined };
      });
    },

    removeToken(id) {
      set((s) => {
        const i = s.tokens.findIndex((t) => t.id === id);
        if (i < 0) return {};
        return { tokens: s.tokens.toSpliced(i, 1), entries: s.entries.toSpliced(i, 1), packed: undefined };
      });
      const ui = useTokensUiStore.getState();
      if (ui.selection.has(id)) ui.toggleSelected(id);
      if (openTokenId() === id) ui.closeDetails();
    },

    async refreshToken(id) {
      try {
        const token = await desk.call('tokens.get', { id });
        get().applyToken(token);
        return token;
      } catch {
        return undefined;
      }
    },

    async setEnabled(id, enabled) {
      const before = get().tokens.find((t) => t.id === id);
      if (!before) return false;
      // Not offered on the page; a stray call (a shortcut, an old menu) must not flip the row either.
      if (!enabled && isActiveConnectionToken(id)) {
        set({ actionError: ownTokenReason('disable') });
        return false;
      }
      const target = enabled ? 'Active' : 'Disabled';
      // The row and the details change at once; main's answer confirms or undoes it.
      get().applyToken({ ...before, status: target });
      set({ actionError: null });
      try {
        const updated = await desk.call(enabled ? 'tokens.enable' : 'tokens.disable', { id });
        get().applyToken(updated);
        return true;
      } catch (error) {
        const current = get().tokens.find((t) => t.id === id);
        if (current && current.status === target) get().applyToken({ ...current, status: before.status });
        set({
          actionError: `Could not ${enabled ? 'enable' : 'disable'} “${before.name}”: ${errorMessage(error)} It is ${before.status.toLowerCase()} again.`,
        });
        return false;
      }
    },

    setActionError: (actionError) => set({ actionError }),
  };
}
