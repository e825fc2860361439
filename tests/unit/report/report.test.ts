/**
 * The printable report: built from the Overview and the cached tables it holds the inventory
 * (name, id, status, account, creator, modules, last access) and the attention list, and never a
 * token value — a value pasted into a name is masked, markup in a name stays text, and neither
 * the report's data nor its HTML holds the value or the `idt:` prefix. `report.savePdf` hands the
 * host's printer that HTML, and a host without one says how to print instead.
 */
import { describe, expect, it, vi } from 'vitest';
import { DAY_MS, formatIso } from '../../../common/dates';
import { DEFAULT_OVERVIEW_RULES, type Overview } from '../../../common/overview';
import { reportFileName, reportTime } from '../../../common/report';
import type { TableToken } from '../../../common/token-table';
import { toTable } from '../../../common/token-table-write';
import { computeOverview, type ConnectionData } from '../../../main/core/overview/compute';
import { reportHandlers } from '../../../main/core/handlers/report';
import { buildReport } from '../../../main/core/report/build';
import { reportHtml } from '../../../main/core/report/html';
import { ReportService } from '../../../main/core/report/service';
import type { HandlerContext } from '../../../main/core/dispatch';

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const ago = (days: number) => formatIso(NOW - days * DAY_MS);
const SECRET = 'Q'.repeat(20) + 'a1B2c3D4e5F6g7H8i9J0'.repeat(2) + 'zzzz';
const VALUE = `idt:TKN-1111-2222:${SECRET}`;
const CLIENT = { id: 'ACC-1111-1111', name: 'Client one', type: 'Client' };

const tokens: TableToken[] = [
  {
    id: 'TKN-1111-2222',
    name: 'CI deploy',
    status: 'Active',
    lastAccessAt: ago(200),
    account: CLIENT,
    modules: [{ id: 'MOD-1756', name: 'Access Management' }],
    audit: { created: { at: ago(400), by: { id: 'USR-0001-0001', name: 'Ada Admin' } } },
  },
  {
    id: 'TKN-3333-4444',
    name: `pasted ${VALUE} by mistake`,
    status: 'Disabled',
    lastAccessAt: null,
    account: CLIENT,
    modules: [{ id: 'MOD-0478', name: 'Marketplace' }],
    audit: { created: { at: ago(30), by: { id: 'USR-0002-0002' } } },
  },
  { id: 'TKN-5555-6666', name: '<img src=x onerror=alert(1)>', status: 'Active', lastAccessAt: ago(1), account: CLIENT, modules: [], audit: { created: { at: ago(2) } } },
];

function overviewOf(data: ConnectionData[]): Overview {
  const gen = computeOverview({ scope: 'all', connections: data, rules: DEFAULT_OVERVIEW_RULES, now: NOW, timeZone: 'UTC' });
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}

const connection: ConnectionData = { id: 'c1', name: 'Production', adminTokenId: 'TKN-9999-9999', table: toTable(tokens), fetchedAt: ago(1), audit: [], auditFetchedAt: null, plans: [] };

function report() {
  const overview = overviewOf([connection]);
  return buildReport({ overview, sources: [{ id: 'c1', name: 'Production', fetchedAt: connection.fetchedAt, table: connection.table }], now: NOW });
}

describe('printable report', () => {
  it('lists the inventory with owners, modules and last access, and the attention list', () => {
    const r = report();
    expect(r.scopeLabel).toBe('All connections');
    expect(r.connections[0]!.tokens.map((t) => t.id)).toEqual(['TKN-5555-6666', 'TKN-1111-2222', 'TKN-3333-4444']);
    const ci = r.connections[0]!.tokens.find((t) => t.id === 'TKN-1111-2222')!;
    expect(ci).toMatchObject({ name: 'CI deploy', status: 'Active', account: 'Client one', createdBy: 'Ada Admin', modules: ['Access Management'], lastAccessAt: ago(200) });
    expect(r.connections[0]!.tokens.find((t) => t.id === 'TKN-3333-4444')!.createdBy).toBe('USR-0002-0002');
    expect(r.attention.counts.unused).toBe(1);
    expect(r.attention.counts.accessManagement).toBe(1);
    expect(r.attention.items.some((f) => f.tokenId === 'TKN-1111-2222' && f.kind === 'unused' && f.connectionName === 'Production')).toBe(true);
  });

  it('holds no token value: not in its data, not in its HTML, not even the idt: prefix', () => {
    const r = report();
    const data = JSON.stringify(r);
    const html = reportHtml(r);
    for (const text of [data, html]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('idt:');
    }
    // The masked name is still there, so the scan above looked at the row that held the value.
    expect(html).toMatch(/pasted .+ by mistake/);
    expect(html).toContain('TKN-3333-4444');
  });

  it('keeps markup in a name as text, and loads and runs nothing', () => {
    const html = reportHtml(report());
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('Ada Admin');
    expect(html).toContain('2025-11-27 12:00 UTC');
  });

  it('words times in UTC for paper, and names the file by scope and day', () => {
    expect(reportTime('2026-06-15T12:00:00.000Z')).toBe('2026-06-15 12:00 UTC');
    expect(reportTime(null, 'Never')).toBe('Never');
    expect(reportFileName({ ...report(), scopeLabel: 'Prod / EU' })).toBe('token-desk-report-Prod-EU-2026-06-15.pdf');
  });
});

describe('report channels', () => {
  const ctx = {} as HandlerContext;
  const service = new ReportService({
    overview: { get: async () => overviewOf([connection]) },
    cache: { tokenLists: { warm: async () => undefined }, tokenTable: () => ({ table: connection.table, fetchedAt: connection.fetchedAt }) } as never,
    now: () => NOW,
  });

  it('prints main’s HTML of the report through the host’s printer, with a suggested name', async () => {
    const save = vi.fn(async () => ({ saved: true as const, path: '/tmp/r.pdf' }));
    const handlers = reportHandlers({ report: service, saveReportPdf: save });
    await expect(handlers['report.savePdf']({ scope: 'all' }, ctx)).resolves.toEqual({ saved: true, path: '/tmp/r.pdf' });
    const [html, name] = save.mock.calls[0] as unknown as [string, string];
    expect(html).toContain('Token inventory: Production');
    expect(html).not.toContain(SECRET);
    expect(name).toBe('token-desk-report-All-connections-2026-06-15.pdf');
  });

  it('says how to print where the host has no PDF printer', async () => {
    const handlers = reportHandlers({ report: service });
    await expect(handlers['report.savePdf']({ scope: 'all' }, ctx)).rejects.toThrow(/print it from the browser/);
    await expect(handlers['report.get']({ scope: 'all' }, ctx)).resolves.toMatchObject({ scope: 'all' });
  });
});
