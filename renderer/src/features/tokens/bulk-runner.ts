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
/** How one token ended: changed, already so, left alone on purpose, or failed. */
export type BulkItemOutcome = 'changed' | 'unchanged' | 'skipped' | 'failed';
export interface BulkResultItem {
  id: string;
  name: string;
  ok: boolean;
  outcome: BulkItemOutcome;
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

/** What "already" means for each action. */
const ALREADY: Record<BulkAction, string> = { enable: 'already Active', disable: 'already Disabled', delete: 'already gone' };

/** The outcome of one result as main reported it (an answer without `outcome`: changed when ok, failed when not). */
export function outcomeOf(r: { ok: boolean; outcome?: 'unchanged' | 'skipped' | undefined }): BulkItemOutcome {
  return r.outcome ?? (r.ok ? 'changed' : 'failed');
}

export function countOutcomes(results: readonly BulkResultItem[]): Record<BulkItemOutcome, number> {
  const count = { changed: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const r of results) count[r.outcome]++;
  return count;
}

const was = (n: number) => `${n} ${n === 1 ? 'was' : 'were'}`;

/**
 * The sentence a finished bulk action ends with: what changed, out of how many, then what was
 * already so, what was left alone and what failed ("Enabled 1 of 2 — 1 was already Active").
 * Counting only real changes keeps "Enabled 2 of 2" from claiming work that was not done.
 */
export function bulkSummary(action: BulkAction, total: number, results: readonly BulkResultItem[]): string {
  const n = countOutcomes(results);
  const rest: string[] = [];
  if (n.unchanged) rest.push(`${was(n.unchanged)} ${ALREADY[action]}`);
  if (n.skipped) rest.push(`${n.skipped} skipped: this connection signs in with ${n.skipped === 1 ? 'it' : 'them'}`);
  if (n.failed) rest.push(`${n.failed} failed`);
  const head = `${bulkVerb(action)} ${n.changed} of ${total} token${total === 1 ? '' : 's'}`;
  return rest.length ? `${head} — ${rest.join(', ')}` : head;
}

/** A result's line in the per-token list (after the name and id). */
export function bulkItemText(action: BulkAction, item: BulkResultItem): string {
  switch (item.outcome) {
    case 'changed':
      return item.message ?? bulkVerb(action).toLowerCase();
    case 'unchanged':
      return ALREADY[action];
    case 'skipped':
      return item.message ?? 'skipped';
    case 'failed':
      return `failed${item.message ? `: ${item.message}` : ''}`;
  }
}

function resultItem(id: string, name: string, r: { ok: boolean; outcome?: 'unchanged' | 'skipped' | undefined; message?: string | undefined }): BulkResultItem {
  const item: BulkResultItem = { id, name, ok: r.ok, outcome: outcomeOf(r) };
  if (r.message) item.message = r.message;
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
    const item = resultItem(p.id, nameOf(p.id), p);
    target.setBulk({ ...bulk, done: Math.max(bulk.done, doneBefore + p.done), results: [...bulk.results, item] });
  });
  try {
    for (let start = 0; start < ids.length; start += BULK_CHUNK) {
      const chunk = ids.slice(start, start + BULK_CHUNK);
      doneBefore = start;
      const { results } = await desk.call('tokens.bulk', { action, ids: chunk });
      // Done and left-alone tokens leave the selection; failed ones stay, to be tried again.
      const settled = new Set<string>();
      for (const r of results) {
        if (r.ok || r.outcome === 'skipped') settled.add(r.id);
        if (r.ok) applySuccess(target, action, r.id, r.token);
      }
      // The chunk's answer is authoritative: it replaces what the progress events said.
      const bulk = target.bulk()!;
      const byId = new Map(bulk.results.map((r) => [r.id, r] as const));
      for (const r of results) byId.set(r.id, resultItem(r.id, nameOf(r.id), r));
      target.setBulk({ ...bulk, done: start + chunk.length, results: [...byId.values()] });
      const ui = useTokensUiStore.getState();
      ui.setSelection([...ui.selection].filter((id) => !settled.has(id)));
    }
    const bulk = { ...target.bulk()!, running: false };
    target.setBulk(bulk);
    const failed = bulk.results.filter((r) => r.outcome === 'failed').length;
    useShellStore.getState().pushNotice({ level: failed ? 'warning' : 'success', message: `${bulkSummary(action, bulk.total, bulk.results)}.` });
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
