/** The account log's filters: free text, event, actor, token, account (Operations) and a date range. */
import { useMemo } from 'react';
import { AUDIT_ACTIONS, hasAuditFilters, type AuditActionName, type AuditEntry } from '../../../../common/audit-log';
import { Button } from '../../ui/Button';
import { useAuditLogStore } from './audit-log-store';
import { dayBound, dayOf } from './day-range';

export function AuditFiltersBar({ entries, multiAccount }: { entries: AuditEntry[]; multiAccount: boolean }) {
  const filters = useAuditLogStore((s) => s.filters);
  const setFilters = useAuditLogStore((s) => s.setFilters);
  const days = { from: dayOf(filters.from), to: dayOf(filters.to) };
  const { actors, accounts } = useMemo(() => {
    const actorMap = new Map<string, string>();
    const accountMap = new Map<string, string>();
    for (const e of entries) {
      if (!actorMap.has(e.actor.id)) actorMap.set(e.actor.id, e.actor.name);
      if (e.account && !accountMap.has(e.account.id)) accountMap.set(e.account.id, e.account.name);
    }
    const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
    // Built once per load, not on every keystroke in the search (a log can have hundreds of actors).
    return {
      actors: [...actorMap].sort(byName).map(([id, name]) => (
        <option key={id} value={id}>
          {name} ({id})
        </option>
      )),
      accounts: [...accountMap].sort(byName).map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      )),
    };
  }, [entries]);

  const setDay = (which: 'from' | 'to', day: string) => setFilters({ [which]: dayBound(day, which === 'to') });

  return (
    <div className="audit-filters" role="search" aria-label="Filter the audit log">
      <label className="audit-filter audit-filter-text">
        <span>Search</span>
        <input type="search" value={filters.text} placeholder="Token, actor, event, details…" onChange={(e) => setFilters({ text: e.target.value })} />
      </label>
      <label className="audit-filter">
        <span>Event</span>
        <select value={filters.actions[0] ?? ''} onChange={(e) => setFilters({ actions: e.target.value ? [e.target.value as AuditActionName] : [] })}>
          <option value="">All events</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>Actor</span>
        <select value={filters.actorId} onChange={(e) => setFilters({ actorId: e.target.value })}>
          <option value="">Anyone</option>
          {actors}
        </select>
      </label>
      <label className="audit-filter">
        <span>Token</span>
        <input type="text" value={filters.token} placeholder="Name or TKN-…" onChange={(e) => setFilters({ token: e.target.value })} />
      </label>
      {multiAccount ? (
        <label className="audit-filter">
          <span>Account</span>
          <select value={filters.accountId} onChange={(e) => setFilters({ accountId: e.target.value })}>
            <option value="">Every account</option>
            {accounts}
          </select>
        </label>
      ) : null}
      <label className="audit-filter">
        <span>From</span>
        <input type="date" value={days.from} max={days.to || undefined} onChange={(e) => setDay('from', e.target.value)} />
      </label>
      <label className="audit-filter">
        <span>To</span>
        <input type="date" value={days.to} min={days.from || undefined} onChange={(e) => setDay('to', e.target.value)} />
      </label>
      {hasAuditFilters(filters) ? (
        <Button variant="ghost" onClick={() => useAuditLogStore.getState().clearFilters()}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
