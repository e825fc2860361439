/**
 * The printable report (common/report.ts) from what the Overview computed and the connections'
 * cached token tables. Every text that goes in passes the token-value mask: a name is free text,
 * and a value pasted into one must not reach paper.
 */
import type { Overview } from '../../../common/overview';
import { reportSchema, type Report, type ReportConnection, type ReportToken } from '../../../common/report';
import { formatIso } from '../../../common/dates';
import { tableRefs, rowOf } from '../../../common/token-table-read';
import { tableSize, type TokenTable } from '../../../common/token-table';
import { maskTokenValues } from '../../../common/token-value';

export interface ReportSource {
  id: string;
  name: string;
  fetchedAt: string | null;
  table: TokenTable | null;
}

const mask = (text: string) => maskTokenValues(text);

function inventoryOf(table: TokenTable | null): ReportToken[] {
  if (!table) return [];
  const refs = tableRefs(table);
  const out: ReportToken[] = [];
  for (let i = 0; i < tableSize(table); i++) {
    const row = rowOf(table, i, refs);
    const by = row.audit?.created?.by;
    out.push({
      id: row.id,
      name: mask(row.name),
      status: row.status,
      account: mask(row.account.name ?? row.account.id),
      createdBy: by ? mask(by.name ?? by.id) : null,
      createdAt: row.audit?.created?.at ?? null,
      modules: row.modules.map((m) => mask(m.name ?? m.id)),
      lastAccessAt: row.lastAccessAt ?? null,
    });
  }
  // The order an auditor looks things up in: by name, then id.
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
}

export function buildReport(input: { overview: Overview; sources: readonly ReportSource[]; now: number }): Report {
  const { overview, sources } = input;
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const connections: ReportConnection[] = sources.map((s) => ({ id: s.id, name: mask(s.name), fetchedAt: s.fetchedAt, tokens: inventoryOf(s.table) }));
  const report: Report = {
    scope: overview.scope,
    scopeLabel: overview.scope === 'all' ? 'All connections' : mask(names.get(overview.scope) ?? overview.scope),
    generatedAt: formatIso(input.now),
    asOf: overview.asOf,
    staleDays: overview.rules.staleDays,
    connections,
    attention: {
      counts: overview.attention.counts,
      total: overview.attention.total,
      truncated: overview.attention.truncated,
      items: overview.attention.items.map((item) => ({
        kind: item.kind,
        connectionName: mask(names.get(item.connectionId) ?? item.connectionId),
        tokenId: item.tokenId,
        name: mask(item.name),
        status: item.status,
        lastAccessAt: item.lastAccessAt,
        since: item.since,
      })),
    },
  };
  return reportSchema.parse(report);
}
