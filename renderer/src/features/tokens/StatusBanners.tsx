/** Above the token table: refresh progress, offline, a failed refresh, a failed action. One banner each. */
import { offlineText } from '../../offline-text';
import { useTokensStore } from './store/tokens-store';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';

export function StatusBanners() {
  const offline = useTokensStore((s) => s.offline);
  const fetchedAt = useTokensStore((s) => s.fetchedAt);
  const syncing = useTokensStore((s) => s.syncing);
  const phase = useTokensStore((s) => s.phase);
  const progress = useTokensStore((s) => s.progress);
  const syncError = useTokensStore((s) => s.syncError);
  const actionError = useTokensStore((s) => s.actionError);
  return (
    <>
      {syncing && phase === 'ready' ? (
        <div className="sync-status" role="status">
          <span className="muted">{progress ? `Refreshing… ${progress.loaded} of ${progress.total}` : 'Refreshing…'}</span>
          <ProgressBar label="Loading API tokens" value={progress?.loaded} max={progress?.total} />
        </div>
      ) : null}
      {offline ? (
        <div className="banner banner-warning" role="status">
          <span>{offlineText(offline, fetchedAt)}</span>
          <Button size="small" disabled={syncing} onClick={() => void useTokensStore.getState().load()}>
            Try again
          </Button>
        </div>
      ) : null}
      {syncError ? (
        <div className="banner banner-error" role="alert">
          <span>Could not refresh the list: {syncError}</span>
          <Button size="small" disabled={syncing} onClick={() => void useTokensStore.getState().load()}>
            Retry
          </Button>
        </div>
      ) : null}
      {actionError ? (
        <div className="banner banner-error" role="alert">
          <span>{actionError}</span>
          <Button size="small" variant="ghost" onClick={() => useTokensStore.getState().setActionError(null)}>
            Dismiss
          </Button>
        </div>
      ) : null}
    </>
  );
}
