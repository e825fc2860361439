/**
 * Bulk enable / disable / delete: sends the ids to main in chunks, folds main's per-token
 * progress events and each chunk's answer into one `BulkState`, and applies every success to
 * the token list as it lands. The tokens store owns the state; this module owns the procedure.
 */
import type { EventPayload, TokenView } from '../../../../common/contract';
import { desk } from '../../desk';
import { errorMessage } from '../../error-message';
import { useShellStore } from '../../shell/shell-store';
import { useTokensUiStore } from './store/tokens-ui-store';

export type BulkAction = 'enable' | 'disable' | 'delete';
export interface BulkResultItem {
  id: string;
  name: string;
  ok: boolean;
  message?: string;
}
export interface BulkState {
  action: BulkAction;
  total: number;
  done: number;
  running: boolean;
  results: BulkResultItem[];
  error?: string;
}

/** What the runner needs from the tokens store. */
export interface BulkTarget {
  tokens(): readonly TokenView[];
  bulk(): BulkState | null;
  setBulk(bulk: BulkState | null): void;
  applyToken(token: TokenView): void;
  removeToken(id: string): void;
}

/** Ids per `tokens.bulk` call: progress stays visible, and one call never carries an unbounded list. */
export const BULK_CHUNK = 1000;

export function bulkVerb(action: BulkAction): string {
  return action === 'enable' ? 'Enabled' : action === 'disable' ? 'Disabled' : 'Deleted';
}

function resultItem(id: string, name: string, ok: boolean, message: string | undefined): BulkResultItem {
  const item: BulkResultItem = { id, name, ok };
  if (message) item.message = message;
  return item;
}

export async function runBulk(target: BulkTarget, action: BulkAction, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const names = new Map(target.tokens().map((t) => [t.id, t.name] as const));
  const nameOf = (id: string) => names.get(id) ?? id;
  target.setBulk({ action, total: ids.length, done: 0, running: true, results: [] });
  let doneBefore = 0;
  const off = desk.on('tokens.bulkProgress', (p: EventPayload<'tokens.bulkProgress'>) => {
    const bulk = target.bulk();
    if (!bulk || !bulk.running) return;
    if (bulk.results.some((r) => r.id === p.id)) return;
    const item = resultItem(p.id, nameOf(p.id), p.ok, p.message);
    target.setBulk({ ...bulk, done: Math.max(bulk.done, doneBefore + p.done), results: [...bulk.results, item] });
  });
  try {
    for (let start = 0; start < ids.length; start += BULK_CHUNK) {
      const chunk = ids.slice(start, start + BULK_CHUNK);
      doneBefore = start;
      const { results } = await desk.call('tokens.bulk', { action, ids: chunk });
      const okIds = new Set<string>();
      for (const r of results) {
        if (!r.ok) continue;
        okIds.add(r.id);
        applySuccess(target, action, r.id, r.token);
      }
      // The chunk's answer is authoritative: it replaces what the progress events said.
      const bulk = target.bulk()!;
      const byId = new Map(bulk.results.map((r) => [r.id, r] as const));
      for (const r of results) byId.set(r.id, resultItem(r.id, nameOf(r.id), r.ok, r.message));
      target.setBulk({ ...bulk, done: start + chunk.length, results: [...byId.values()] });
      const ui = useTokensUiStore.getState();
      ui.setSelection([...ui.selection].filter((id) => !okIds.has(id)));
    }
    const bulk = { ...target.bulk()!, running: false };
    target.setBulk(bulk);
    const failed = bulk.results.filter((r) => !r.ok).length;
    useShellStore.getState().pushNotice({
      level: failed ? 'warning' : 'success',
      message: `${bulkVerb(action)} ${bulk.results.length - failed} of ${bulk.total} tokens${failed ? `; ${failed} failed` : ''}.`,
    });
  } catch (error) {
    const bulk = target.bulk();
    target.setBulk(bulk ? { ...bulk, running: false, error: errorMessage(error) } : null);
  } finally {
    off();
  }
}

function applySuccess(target: BulkTarget, action: BulkAction, id: string, token: TokenView | undefined): void {
  if (action === 'delete') target.removeToken(id);
  else if (token) target.applyToken(token);
  else {
    const known = target.tokens().find((t) => t.id === id);
    if (known) target.applyToken({ ...known, status: action === 'enable' ? 'Active' : 'Disabled' });
  }
}
