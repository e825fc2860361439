/** The account log's filters: free text, event, actor, token, account (Operations) and a date range. */
import { useMemo } from 'react';
import { AUDIT_ACTIONS, hasAuditFilters, type AuditActionName, type AuditEntry } from '../../../../common/audit-log';
import { Button } from '../../ui/Button';
import { useAuditLogStore } from './audit-log-store';

/** A local calendar day (from an <input type="date">) as the first or last instant of that day, in UTC ISO. */
export function dayBound(day: string, end: boolean): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The local calendar day of an instant (dayBound's day back), '' for none: the date inputs show the filters as they are. */
export function dayOf(iso: string): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

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
