import { useTokensStore } from './store/tokens-store';
import { useTokensUiStore } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';

/** Appears when rows are selected: bulk enable / disable / delete. */
export function BulkBar() {
  const selection = useTokensUiStore((s) => s.selection);
  const running = useTokensStore((s) => s.bulk?.running ?? false);
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
      <Button size="small" variant="danger" disabled={running} onClick={() => useTokensUiStore.getState().openDialog({ kind: 'bulkDelete', ids })}>
        Delete selected
      </Button>
      <Button size="small" variant="ghost" onClick={() => useTokensUiStore.getState().clearSelection()}>
        Clear selection
      </Button>
    </div>
  );
}
