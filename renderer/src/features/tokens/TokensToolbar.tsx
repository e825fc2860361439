import { forwardRef } from 'react';
import type { TokenView } from '../../../../common/contract';
import { useTokensUiStore } from './store/tokens-ui-store';
import { Button } from '../../ui/Button';
import { hasActiveFilters, modulesInUse, UNUSED_DAYS } from './filtering';
import type { StatusFilter } from './filtering';
import { useMemo } from 'react';
import { LAST_ACCESS_BUCKETS, LAST_ACCESS_LABELS, type LastAccessFilter } from '../../../../common/last-access';

const count = new Intl.NumberFormat();

interface ToolbarProps {
  tokens: readonly TokenView[];
  shown: number;
  /** Set while only the first screen of the list is there: the whole list's size. */
  loadingTotal?: number | null;
}

/** Search and filters; all local and instant. */
export const TokensToolbar = forwardRef<HTMLInputElement, ToolbarProps>(function TokensToolbar({ tokens, shown, loadingTotal }, searchRef) {
  const filters = useTokensUiStore((s) => s.filters);
  const setFilters = useTokensUiStore((s) => s.setFilters);
  const clearFilters = useTokensUiStore((s) => s.clearFilters);
  const modules = useMemo(() => modulesInUse(tokens), [tokens]);
  const active = hasActiveFilters(filters);

  return (
    <div className="tokens-toolbar" role="search" aria-label="Filter API tokens">
      <label className="field field-search">
        <span className="field-label">Search</span>
        <input
          ref={searchRef}
          type="search"
          placeholder="Name, id, description or creator  ( / )"
          value={filters.text}
          aria-keyshortcuts="/ Control+F Meta+F"
          onChange={(e) => setFilters({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filters.text) {
              e.preventDefault();
              setFilters({ text: '' });
            }
          }}
        />
      </label>
      <label className="field">
        <span className="field-label">Status</span>
        <select value={filters.status} onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}>
          <option value="all">All statuses</option>
          <option value="Active">Active</option>
          <option value="Disabled">Disabled</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Module</span>
        <select value={filters.moduleId} onChange={(e) => setFilters({ moduleId: e.target.value })}>
          <option value="">All modules</option>
          {filters.moduleId && !modules.some((m) => m.id === filters.moduleId) ? <option value={filters.moduleId}>{filters.moduleId}</option> : null}
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-check">
        <input type="checkbox" checked={filters.unused} onChange={(e) => setFilters({ unused: e.target.checked })} />
        <span>Unused for {UNUSED_DAYS}+ days / never used</span>
      </label>
      {filters.lastAccess ? (
        // Shown only while set (the Overview's bars set it), so the filter in force is always visible and can be cleared.
        <label className="field">
          <span className="field-label">Last access</span>
          <select value={filters.lastAccess} onChange={(e) => setFilters({ lastAccess: e.target.value as LastAccessFilter })}>
            <option value="">Any time</option>
            {LAST_ACCESS_BUCKETS.map((b) => (
              <option key={b} value={b}>
                {LAST_ACCESS_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span className="toolbar-count muted" role="status" aria-live="polite">
        {loadingTotal
          ? `Loading all ${count.format(loadingTotal)} tokens…`
          : active
            ? `${count.format(shown)} of ${count.format(tokens.length)} tokens`
            : `${count.format(tokens.length)} tokens`}
      </span>
      {active ? (
        <Button size="small" variant="ghost" onClick={clearFilters}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
});
