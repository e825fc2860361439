import { useTokensStore } from './store/tokens-store';
import { useTokensUiStore } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { useOwnTokenId } from './own-token';
import { useRotationStore } from '../rotation/rotation-store';

/** The selected rows' tokens, as the list holds them. */
const selectedTokens = (ids: readonly string[]) => {
  const wanted = new Set(ids);
  return useTokensStore.getState().tokens.filter((t) => wanted.has(t.id));
};

/**
 * Appears when rows are selected: bulk enable / disable / delete. When the selection holds the
 * token the connection signs in with, it says before any click that Disable and Delete will
 * leave that one alone (main skips it too, and the results count it as skipped).
 */
export function BulkBar() {
  const selection = useTokensUiStore((s) => s.selection);
  const running = useTokensStore((s) => s.bulk?.running ?? false);
  const ownId = useOwnTokenId();
  const ownName = useTokensStore((s) => (ownId && selection.has(ownId) ? (s.tokens.find((t) => t.id === ownId)?.name ?? ownId) : null));
  if (selection.size === 0) return null;
  const ids = [...selection];
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong>{selection.size} selected</strong>
      <Button size="small" disabled={running} onClick={() => void useTokensStore.getState().runBulk('enable', ids)}>
        Enable selected
      </Button>
      <Button size="small" disabled={running} onClick={() => void useTokensStore.getState().runBulk('disable', ids)}>
        Disable selected
      </Button>
      <Button size="small" disabled={running} onClick={() => useRotationStore.getState().openRotate(selectedTokens(ids))}>
        Rotate selected
      </Button>
      <Button size="small" variant="danger" disabled={running} onClick={() => useTokensUiStore.getState().openDialog({ kind: 'bulkDelete', ids })}>
        Delete selected
      </Button>
      <Button size="small" variant="ghost" onClick={() => useTokensUiStore.getState().clearSelection()}>
        Clear selection
      </Button>
      {ownName !== null ? (
        <span className="bulk-note muted">
          Disable and Delete skip “{ownName}”: this connection signs in with it.
        </span>
      ) : null}
    </div>
  );
}
