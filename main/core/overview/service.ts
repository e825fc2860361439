/**
 * `overview.get`: gathers one saved connection's (or every one's) cached token table, audit
 * entries and rotation plans, and runs the compute (compute.ts) in slices, letting main's event
 * loop run whenever a slice has held it for a few milliseconds, so other calls and the browser
 * host's sockets are answered meanwhile. Nothing here calls the API: the Overview is what the
 * cache knows, with its age.
 */
import type { AuditEntry } from '../../../common/audit-log';
import type { ConnectionProfile } from '../../../common/connection-schemas';
import { DeskError } from '../../../common/errors';
import type { Overview, OverviewRules } from '../../../common/overview';
import type { RotationPlan } from '../../../common/rotation';
import type { AuditCache } from '../audit/cache';
import type { OfflineCache } from '../cache';
import { computeOverview, type ConnectionData } from './compute';

export interface OverviewServices {
  connections: { list(): ConnectionProfile[] };
  cache: Pick<OfflineCache, 'tokenTable' | 'tokenLists'>;
  audit: Pick<AuditCache, 'all' | 'account'>;
  rotation: { list(): Promise<RotationPlan[]> };
  overviewRules(): OverviewRules;
  /** Test seam: the clock. */
  now?: () => number;
}

/** How long one stretch of the compute may hold the event loop before it lets other work run. */
const HOLD_MS = 8;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Drives a generator to its end, yielding to the event loop whenever a stretch ran HOLD_MS. */
export async function runSliced<T>(gen: Generator<void, T>): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
    if (performance.now() - since >= HOLD_MS) {
      await yieldToLoop();
      since = performance.now();
    }
  }
}

export class OverviewService {
  constructor(private readonly services: OverviewServices) {}

  async get(scope: string, timeZone = 'UTC'): Promise<Overview> {
    const profiles = this.services.connections.list();
    const chosen = scope === 'all' ? profiles : profiles.filter((p) => p.id === scope);
    if (scope !== 'all' && chosen.length === 0) {
      throw new DeskError({ code: 'not_found', message: 'That connection is no longer saved in Token Desk.', fields: { scope: ['Not a saved connection.'] } });
    }
    const plans = await this.services.rotation.list().catch(() => [] as RotationPlan[]);
    const connections: ConnectionData[] = [];
    for (const profile of chosen) connections.push(await this.dataOf(profile, plans));
    const now = this.services.now?.() ?? Date.now();
    return runSliced(computeOverview({ scope, connections, rules: this.services.overviewRules(), now, timeZone }));
  }

  private async dataOf(profile: ConnectionProfile, plans: readonly RotationPlan[]): Promise<ConnectionData> {
    // Another connection's list may still be on disk: read it off the event loop first.
    await this.services.cache.tokenLists.warm(profile.id);
    const list = this.tokenListOf(profile.id);
    const [audit, coverage] = await Promise.all([
      this.services.audit.all(profile.id).catch(() => [] as readonly AuditEntry[]),
      this.services.audit.account(profile.id).catch(() => null),
    ]);
    return {
      id: profile.id,
      name: profile.name,
      adminTokenId: profile.adminTokenId,
      table: list?.table ?? null,
      fetchedAt: list?.fetchedAt ?? null,
      audit,
      auditFetchedAt: coverage?.fetchedAt ?? null,
      plans: plans.filter((p) => p.connectionId === profile.id),
    };
  }

  private tokenListOf(connectionId: string) {
    try {
      return this.services.cache.tokenTable(connectionId);
    } catch {
      // A damaged list file is moved aside by the cache; the Overview shows the connection empty.
      return undefined;
    }
  }
}
