/**
 * Rotation plans on disk, one file per connection (`rotation-<connection>.json` beside the
 * cache), through the same KeyValueStore as every other file: each write is atomic (temp file +
 * rename, conf / electron-store), and a damaged file — bad JSON, or a plan that is not a plan —
 * is moved aside by the stores' one rule (core/store.ts) and reported with the other start-up
 * notices. Plans are precious (they are what the app promised to do), so nothing in a damaged
 * file is dropped quietly: the copy is kept and the user is told.
 */
import { rotationPlanSchema, type RotationPlan } from '../../../common/rotation-schemas';
import type { KeyValueStore, StoreRecovery } from '../store';

const KEY = 'plans';

export type OpenPlanStore = (name: string, validate: (data: Record<string, unknown>) => string | undefined) => Promise<KeyValueStore>;

export const planFileName = (connectionId: string) => `rotation-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Why a parseable plan file cannot be used, or undefined. */
export function planFileProblem(data: Record<string, unknown>): string | undefined {
  const plans = data[KEY];
  if (plans === undefined) return undefined;
  if (!Array.isArray(plans)) return 'its list of plans is not a list';
  const bad = plans.findIndex((p) => !rotationPlanSchema.safeParse(p).success);
  return bad === -1 ? undefined : `plan number ${bad + 1} in it is not a valid rotation plan`;
}

type MaybeRecoverable = KeyValueStore & { readonly recoveries?: readonly StoreRecovery[] };

export class PlanStore {
  private readonly stores = new Map<string, Promise<MaybeRecoverable>>();
  private readonly plans = new Map<string, RotationPlan[]>();
  private readonly opened: MaybeRecoverable[] = [];

  constructor(private readonly open: OpenPlanStore) {}

  private store(connectionId: string): Promise<MaybeRecoverable> {
    let store = this.stores.get(connectionId);
    if (!store) {
      store = this.open(planFileName(connectionId), planFileProblem);
      this.stores.set(connectionId, store);
      store.then(
        (opened) => void this.opened.push(opened),
        () => this.stores.delete(connectionId),
      );
    }
    return store;
  }

  /** The connection's plans (read from disk once, then kept in memory). */
  async load(connectionId: string): Promise<RotationPlan[]> {
    const cached = this.plans.get(connectionId);
    if (cached) return cached;
    const store = await this.store(connectionId);
    const raw = store.get<unknown[]>(KEY) ?? [];
    // The store's check already refused a file with a bad plan; parse for the defaults and types.
    const plans = raw.map((p) => rotationPlanSchema.parse(p));
    this.plans.set(connectionId, plans);
    return plans;
  }

  /** Writes one plan (added or replaced) and the file, atomically. */
  async put(plan: RotationPlan): Promise<void> {
    const plans = await this.load(plan.connectionId);
    const next = plans.some((p) => p.id === plan.id) ? plans.map((p) => (p.id === plan.id ? plan : p)) : [...plans, plan];
    this.plans.set(plan.connectionId, next);
    (await this.store(plan.connectionId)).set(KEY, next);
  }

  /** Plan files moved aside since they were opened (for the start-up notice). */
  get recoveries(): StoreRecovery[] {
    return this.opened.flatMap((store) => store.recoveries ?? []);
  }

  async drop(connectionId: string): Promise<void> {
    this.plans.delete(connectionId);
    const store = this.stores.get(connectionId);
    if (store) (await store).delete(KEY);
  }
}
