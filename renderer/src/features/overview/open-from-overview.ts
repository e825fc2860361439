/**
 * Where the Overview's bars and items lead: the token table filtered to a bar's tokens, a
 * token's details, the audit log of one day. The table and the audit log show one connection
 * at a time, so a step about another saved connection switches to it first. An item's actions go
 * through the token table's own flows: its confirm dialogs, toasts (with Undo) and the rotation.
 */
import type { TokenView } from '../../../../common/contract';
import type { AttentionItem, NextStep, TableFilter } from '../../../../common/overview';
import { errorMessage } from '../../error-message';
import { go } from '../../shell/router';
import { toast } from '../../ui/toast-store';
import { useConnectionsStore } from '../connections/connections-store';
import { useAuditLogStore } from '../audit/audit-log-store';
import { useRotationStore } from '../rotation/rotation-store';
import { useTokensStore, type TokensState } from '../tokens/store/tokens-store';
import { useTokensUiStore } from '../tokens/store/tokens-ui-store';

/** Makes `connectionId` the active connection; false (and a toast) when that fails. */
async function activate(connectionId: string): Promise<boolean> {
  const store = useConnectionsStore.getState();
  if (store.activeId === connectionId) return true;
  try {
    await store.switchTo(connectionId);
    return true;
  } catch (error) {
    toast({ level: 'error', message: errorMessage(error, 'Could not switch connection.') });
    return false;
  }
}

/** The token table of that connection, filtered to exactly a bar's tokens. */
export async function openTokensFiltered(connectionId: string, filter: TableFilter): Promise<void> {
  if (!(await activate(connectionId))) return;
  useTokensUiStore.getState().showFiltered(filter);
}

export async function openToken(connectionId: string, tokenId: string): Promise<void> {
  if (!(await activate(connectionId))) return;
  useTokensUiStore.getState().openDetails(tokenId);
}

/** The audit log of the active connection, filtered to one day (its first and last instant). */
export function openAuditDay(connectionId: string, from: string, to: string): void {
  useAuditLogStore.getState().showRange(connectionId, from, to);
  go('audit');
}

/** The active connection's token list, loaded if no page has asked for it yet (actions need its rows). */
export function ensureTokenList(connectionId: string): void {
  const store = useTokensStore.getState();
  if (store.phase !== 'idle' && store.connectionId !== connectionId) store.reset();
  if (useTokensStore.getState().phase === 'idle') void useTokensStore.getState().load(connectionId);
}

/** A token of the active connection's list, once the list holds it (undefined if it never does). */
function tokenOnceLoaded(tokenId: string): Promise<TokenView | undefined> {
  const find = () => useTokensStore.getState().tokens.find((t) => t.id === tokenId);
  const settled = (s: TokensState) => s.phase === 'error' || (s.phase === 'ready' && !s.syncing);
  const now = find();
  if (now || settled(useTokensStore.getState())) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = useTokensStore.subscribe((s) => {
      const token = find();
      if (token || settled(s)) {
        stop();
        resolve(token);
      }
    });
  });
}

/** An attention item's next step, through the flow the token table uses for it (the same dialogs, toasts and rotation). */
export async function runStep(item: AttentionItem, step: NextStep): Promise<void> {
  if (step === 'openRotation') return go('rotations');
  if (step === 'open') return openToken(item.connectionId, item.tokenId);
  if (!(await activate(item.connectionId))) return;
  ensureTokenList(item.connectionId);
  const token = await tokenOnceLoaded(item.tokenId);
  if (!token) {
    toast({ level: 'error', message: `“${item.name}” is not in the list of this connection any more.` });
    return;
  }
  if (step === 'rotate') useRotationStore.getState().openRotate([token]);
  else useTokensUiStore.getState().openDialog({ kind: step, tokenId: token.id });
}
