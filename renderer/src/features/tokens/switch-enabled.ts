/**
 * Enable or disable one token and say how it went: a toast with Undo on success (Undo is the
 * same switch the other way, with its own toast). A refusal is told by the list's banner; where
 * no banner shows (a token's details) `announceFailure` makes it a toast too.
 */
import type { TokenView } from '../../../../common/contract';
import { toast } from '../../ui/toast-store';
import { useTokensStore } from './store/tokens-store';

export const DISABLE_EFFECT = 'Integrations that use it are refused by the Marketplace until it is enabled again.';

export async function switchEnabled(token: Pick<TokenView, 'id' | 'name'>, enabled: boolean, options: { announceFailure?: boolean } = {}): Promise<boolean> {
  const store = useTokensStore.getState();
  const ok = await store.setEnabled(token.id, enabled);
  if (!ok) {
    if (options.announceFailure) {
      toast({ level: 'error', message: useTokensStore.getState().actionError ?? `Could not ${enabled ? 'enable' : 'disable'} “${token.name}”.` });
    }
    return false;
  }
  toast({
    level: 'success',
    message: enabled ? `Enabled “${token.name}”.` : `Disabled “${token.name}”. ${DISABLE_EFFECT}`,
    action: {
      label: 'Undo',
      name: `Undo: ${enabled ? 'disable' : 'enable'} “${token.name}” again`,
      run: () => void switchEnabled(token, !enabled, { announceFailure: true }),
    },
  });
  return true;
}
