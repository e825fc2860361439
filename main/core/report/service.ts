/**
 * `report.get` / `report.savePdf`: the printable report of one saved connection or all, from the
 * offline cache only (like the Overview it is built on, it answers offline). The attention list
 * is the Overview's; the inventory is each counted connection's cached token table.
 */
import type { Overview } from '../../../common/overview';
import type { Report } from '../../../common/report';
import type { OfflineCache } from '../cache';
import { buildReport, type ReportSource } from './build';

export interface ReportServices {
  overview: { get(scope: string): Promise<Overview> };
  cache: Pick<OfflineCache, 'tokenTable' | 'tokenLists'>;
  /** Test seam: the clock. */
  now?: () => number;
}

export class ReportService {
  constructor(private readonly services: ReportServices) {}

  async get(scope: string): Promise<Report> {
    const overview = await this.services.overview.get(scope);
    const sources: ReportSource[] = [];
    for (const c of overview.connections) {
      await this.services.cache.tokenLists.warm(c.id);
      sources.push({ id: c.id, name: c.name, fetchedAt: c.fetchedAt, table: this.tableOf(c.id) });
    }
    return buildReport({ overview, sources, now: this.services.now?.() ?? Date.now() });
  }

  private tableOf(connectionId: string) {
    try {
      return this.services.cache.tokenTable(connectionId)?.table ?? null;
    } catch {
      // A damaged list file is moved aside by the cache (and reported); the inventory shows it empty.
      return null;
    }
  }
}
