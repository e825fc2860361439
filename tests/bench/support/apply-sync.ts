/**
 * A sync's result applied to a list held as objects, so the bench can carry the list from one
 * sync to the next. The app patches its compact table instead (token-list-cache.ts).
 */
import type { ApiToken } from '../../../common/domain';
import type { SyncResult } from '../../../main/core/tokens/delta-sync';
import { fromTable } from '../../../common/token-table-read';

export function applySync(items: readonly ApiToken[], result: SyncResult): ApiToken[] {
  if (result.kind === 'full') return fromTable(result.table) as ApiToken[];
  const gone = new Set(result.removed);
  const byId = new Map<string, ApiToken>();
  for (const t of items) if (!gone.has(t.id)) byId.set(t.id, t);
  for (const t of result.changed) byId.set(t.id, t);
  return [...byId.values()];
}
