/**
 * The API tokens page: cached list at once, then a sync with progress; local filters, sort,
 * keyboard navigation, multi-select with bulk actions; a token's details (its address) in place of the table.
 * Mount it when a connection is active.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTokensStore } from './store/tokens-store';
import { useTokensUiStore } from './store/tokens-ui-store';
import { useRouter } from '../../shell/router';
import { useWizardBridge } from '../wizard/wizard-bridge';
import { Button } from '../../ui/Button';
import { ProgressBar } from '../../ui/ProgressBar';
import { afterNextPaint } from '../../ui/after-paint';
import { inBackground } from '../../ui/background';
import { BulkBar } from './BulkBar';
import { BulkResults } from './BulkResults';
import { TokenDialogs } from './TokenDialogs';
import { TokenDetails } from './TokenDetails';
import { TokenTable } from './TokenTable';
import { TokensToolbar } from './TokensToolbar';
import { StatusBanners } from './StatusBanners';
import { createFilterCache, hasActiveFilters } from './filtering';
import { sortIndexed } from './sorting';
import { warmHaystacks } from './warm-up';

export interface TokensPageProps {
  /** The active connection; when it changes the list is reloaded from scratch. */
  connectionId?: string;
}

export function TokensPage({ connectionId }: TokensPageProps) {
  // The address names the token whose details show (`/tokens/TKN-…`); the list otherwise.
  const detailsId = useRouter((s) => (s.match.name === 'token' ? s.match.params.id : null));
  const phase = useTokensStore((s) => s.phase);

  useEffect(() => {
    const store = useTokensStore.getState();
    if (store.phase !== 'idle' && store.connectionId !== connectionId) store.reset();
    if (useTokensStore.getState().phase === 'idle') void useTokensStore.getState().load(connectionId);
  }, [connectionId]);

  return (
    <div className="tokens-page">
      {detailsId ? <TokenDetails id={detailsId} /> : <TokenListView phase={phase} />}
      <TokenDialogs />
    </div>
  );
}

function TokenListView({ phase }: { phase: string }) {
  const tokens = useTokensStore((s) => s.tokens);
  const loadingTotal = useTokensStore((s) => s.loadingTotal);
  const filters = useTokensUiStore((s) => s.filters);
  const sort = useTokensUiStore((s) => s.sort);
  const searchRef = useRef<HTMLInputElement>(null);

  const [filterRows] = useState(createFilterCache);
  const indexed = useTokensStore((s) => s.entries);
  const sorted = useMemo(() => sortIndexed(indexed, sort), [indexed, sort]);
  const rows = useMemo(() => filterRows(sorted, filters, Date.now()), [filterRows, sorted, filters]);

  // Build the search text of every token while the page is idle, so the first keystroke is cheap.
  // (After the next paint: the first rows must not wait for it.)
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void afterNextPaint().then(() => {
      if (!cancelled) stop = warmHaystacks(indexed, inBackground);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [indexed]);

  // "/" (outside text fields) and Ctrl/Cmd+F focus the search box.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = !!target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable);
      const inDialog = !!target?.closest?.('[role="dialog"]');
      if (inDialog) return;
      if ((event.key === 'f' || event.key === 'F') && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="tokens-list" aria-labelledby="tokens-title">
      <div className="tokens-head">
        <h1 id="tokens-title">API tokens</h1>
        <Button variant="primary" onClick={() => useWizardBridge.getState().openWizard({ mode: 'create' })}>
          Add token
        </Button>
      </div>
      <StatusBanners />
      {phase === 'loading' ? <LoadingState /> : null}
      {phase === 'error' ? <ErrorState /> : null}
      {phase === 'ready' ? (
        <>
          <TokensToolbar ref={searchRef} tokens={tokens} shown={rows.length} loadingTotal={loadingTotal} />
          <BulkBar />
          <BulkResults />
          {rows.length > 0 ? <TokenTable rows={rows} capacity={tokens.length} /> : <EmptyState filtered={tokens.length > 0 && hasActiveFilters(filters)} />}
        </>
      ) : null}
    </section>
  );
}

function LoadingState() {
  const progress = useTokensStore((s) => s.progress);
  return (
    <div className="state-box" role="status">
      <p>{progress ? `Loading API tokens… ${progress.loaded} of ${progress.total}` : 'Loading API tokens…'}</p>
      <ProgressBar label="Loading API tokens" value={progress?.loaded} max={progress?.total} />
    </div>
  );
}

function ErrorState() {
  const message = useTokensStore((s) => s.loadError);
  return (
    <div className="state-box" role="alert">
      <p className="error-text">Could not load the API tokens: {message}</p>
      <Button variant="primary" onClick={() => void useTokensStore.getState().load()}>
        Retry
      </Button>
    </div>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  if (filtered) {
    return (
      <div className="state-box">
        <p>No tokens match these filters.</p>
        <Button onClick={() => useTokensUiStore.getState().clearFilters()}>Clear filters</Button>
      </div>
    );
  }
  return (
    <div className="state-box">
      <p>No API tokens yet.</p>
      <Button variant="primary" onClick={() => useWizardBridge.getState().openWizard({ mode: 'create' })}>
        Add one
      </Button>
    </div>
  );
}
