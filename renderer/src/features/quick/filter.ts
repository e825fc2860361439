/** Quick Access search: every word must match the token name, id or connection (case-insensitive). */
import type { QuickList } from '../../../../common/quick-access';

export interface QuickRow {
  key: string;
  connectionId: string;
  connectionName: string;
  accountType: string;
  environment: string;
  id: string;
  name: string;
  status: 'Active' | 'Disabled' | 'Unknown';
  /** Whether its connection is the one the app shows (opening its details needs no switch). */
  active: boolean;
}

export function quickRows(list: QuickList): QuickRow[] {
  return list.groups.flatMap((g) =>
    g.tokens.map((t) => ({
      key: `${g.connectionId}\n${t.id}`,
      connectionId: g.connectionId,
      connectionName: g.connectionName,
      accountType: g.accountType,
      environment: g.environment,
      id: t.id,
      name: t.name,
      status: t.status,
      active: g.active,
    })),
  );
}

export function filterQuickRows(rows: QuickRow[], query: string): QuickRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack = `${row.name}\n${row.id}\n${row.connectionName}\n${row.environment}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The path or query that opens Quick Access instead of the main app (/quick in the browser host, ?view=quick in Electron). */
export function isQuickRoute(location: { pathname: string; search: string }): boolean {
  return location.pathname === '/quick' || new URLSearchParams(location.search).get('view') === 'quick';
}
