/**
 * In-memory state of the sandbox: accounts, tokens, audit records, icons.
 * Designed for 100k+ tokens: API views are built once per token and cached (rebuilt only when
 * that token changes); each caller scope (one account's non-Deleted tokens, or every token for
 * Operations) is kept as an array in natural order, and sorted orders are cached per scope and
 * kept current on every mutation (the changed token is moved, nothing is re-sorted). A list
 * page therefore slices an array and builds views for that page only, unless a filter must
 * look at every candidate.
 */
import { buildAuditRecord } from './audit-log';
import type { AccountRecord, AuditAction, AuditRecordJson, TokenRecord, TokenStatus } from './model';
import { MODULE_BY_ID, type ModuleDefinition } from './modules-catalogue';
import { createPrng } from './prng';
import { compareByOrder, sortBy, sortIndexes } from './rql/evaluate';
import type { OrderKey } from './rql/types';
import { IdFactory, type SampleData } from './sample-data';

export interface Caller {
  token: TokenRecord;
  account: AccountRecord;
}

export interface StoredIcon {
  contentType: string;
  data: Buffer;
}

export interface NewToken {
  accountId: string;
  name: string;
  description: string | null;
  icon: string | null;
  moduleIds: string[];
  extensionIds: string[] | null;
}

export type TokenChanges = Partial<Pick<TokenRecord, 'name' | 'description' | 'icon' | 'moduleIds'>>;

export const isOps = (caller: Caller): boolean => caller.account.type === 'Operations';

/** Scope key of Operations callers (every token, Deleted included); other scopes are account ids. */
const OPS_SCOPE = '*ops';

interface TokenOrder {
  scope: string;
  order: readonly OrderKey[];
  usesAccess: boolean;
  /** Every token of the scope, sorted by `order` then natural position. */
  items: TokenRecord[];
}

export class SandboxStore {
  readonly accounts = new Map<string, AccountRecord>();
  private readonly tokens: TokenRecord[] = [];
  private readonly tokenById = new Map<string, TokenRecord>();
  private readonly tokenByHash = new Map<string, TokenRecord>();
  private readonly views = new Map<string, object>();
  private readonly audit: AuditRecordJson[] = [];
  private readonly auditById = new Map<string, AuditRecordJson>();
  /** The audit-trail tab asks `eq(object.id,…)` constantly: index it instead of scanning 100k+ records. */
  private readonly auditByObject = new Map<string, AuditRecordJson[]>();
  private readonly icons = new Map<string, StoredIcon>();
  private readonly accountRefs = new Map<string, object>();
  private readonly moduleRefs = new Map<string, object>();
  /** Natural (insertion) position of each token: the tie-break of every token order. */
  private readonly seqOf = new Map<TokenRecord, number>();
  /** Per account: its non-Deleted tokens in natural order (what a Client/Vendor caller sees). */
  private readonly visibleByAccount = new Map<string, TokenRecord[]>();
  /** Sorted token orders per scope, kept current on every mutation. Key `scope|order`. */
  private readonly tokenOrders = new Map<string, TokenOrder>();
  /** Sorted audit orders, kept current on every new record (inserted, never re-sorted). */
  private readonly auditSortCache = new Map<string, { order: readonly OrderKey[]; items: AuditRecordJson[] }>();
  readonly ids: IdFactory;

  constructor(
    data: SampleData,
    seed: number,
    private readonly legacyReveal: boolean,
  ) {
    this.ids = new IdFactory(createPrng(seed ^ 0x5eed));
    for (const account of data.accounts) {
      this.accounts.set(account.id, account);
      this.ids.reserve(account.id);
    }
    for (const token of data.tokens) {
      if (legacyReveal) {
        const value = data.values.get(token.id) ?? data.admins.find((a) => a.tokenId === token.id)?.value;
        if (value) token.legacyValue = value;
      }
      this.addToken(token);
    }
    for (const record of data.audit) this.addAudit(record);
  }

  private addToken(token: TokenRecord): void {
    this.seqOf.set(token, this.tokens.length);
    this.tokens.push(token);
    this.tokenById.set(token.id, token);
    if (token.tokenHash) this.tokenByHash.set(token.tokenHash, token);
    this.ids.reserve(token.id);
    if (token.status !== 'Deleted') this.accountScope(token.accountId).push(token); // appended: natural order holds
  }

  private accountScope(accountId: string): TokenRecord[] {
    let scope = this.visibleByAccount.get(accountId);
    if (!scope) {
      scope = [];
      this.visibleByAccount.set(accountId, scope);
    }
    return scope;
  }

  private addAudit(record: AuditRecordJson): void {
    this.audit.push(record);
    for (const entry of this.auditSortCache.values()) {
      // Upper bound: a tie goes after the equal records, as a stable sort of the natural order would.
      const items = entry.items;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareByOrder(items[mid], record, entry.order) <= 0) lo = mid + 1;
        else hi = mid;
      }
      items.splice(lo, 0, record);
    }
    this.auditById.set(record.id, record);
    const list = this.auditByObject.get(record.object.id);
    if (list) list.push(record);
    else this.auditByObject.set(record.object.id, [record]);
  }

  /** Changes whenever an audit record is added (records are append-only). */
  get auditVersion(): number {
    return this.audit.length;
  }

  tokenCount(): number {
    return this.tokens.length;
  }

  findByHash(hash: string): TokenRecord | undefined {
    return this.tokenByHash.get(hash);
  }

  /** Every authenticated call records the caller's last access. */
  touch(token: TokenRecord, at: string): void {
    if (token.lastAccessAt === at) return;
    token.lastAccessAt = at;
    this.views.delete(token.id);
    // Orders on lastAccessAt would go stale on every call (the caller is touched each time):
    // move just this token to its new place instead of re-sorting 100k tokens per request.
    this.reorder(token, (order) => order.usesAccess);
  }

  /** Scoping (§10, INFERRED): non-ops see their own account's tokens and never Deleted ones. */
  visibleToken(caller: Caller, id: string): TokenRecord | undefined {
    const token = this.tokenById.get(id);
    if (!token || !this.canSee(caller, token)) return undefined;
    return token;
  }

  canSee(caller: Caller, token: TokenRecord): boolean {
    if (isOps(caller)) return true;
    return token.accountId === caller.account.id && token.status !== 'Deleted';
  }

  /** Cached API view of a token (never contains the value, except under legacy reveal). */
  tokenView(token: TokenRecord): object {
    let view = this.views.get(token.id);
    if (!view) {
      view = this.buildTokenView(token);
      this.views.set(token.id, view);
    }
    return view;
  }

  private buildTokenView(t: TokenRecord): object {
    const audit: Record<string, unknown> = { created: t.created };
    if (t.updated) audit.updated = t.updated;
    const view: Record<string, unknown> = {
      id: t.id,
      name: t.name,
      description: t.description,
      icon: t.icon,
      status: t.status,
      revision: t.revision,
      lastAccessAt: t.lastAccessAt,
      account: this.accountRef(t.accountId),
      modules: t.moduleIds.map((id) => this.moduleRef(id)),
      audit,
    };
    if (t.extensionIds) view.extensions = t.extensionIds.map((id) => ({ id }));
    if (this.legacyReveal && t.legacyValue) view.token = t.legacyValue;
    return view;
  }

  accountRef(id: string): object {
    let ref = this.accountRefs.get(id);
    if (!ref) {
      const a = this.accounts.get(id);
      if (!a) throw new Error(`unknown account ${id}`);
      ref = { id: a.id, name: a.name, icon: a.icon, type: a.type, status: a.status };
      this.accountRefs.set(id, ref);
    }
    return ref;
  }

  private moduleRef(id: string): object {
    let ref = this.moduleRefs.get(id);
    if (!ref) {
      const m = MODULE_BY_ID.get(id) as ModuleDefinition;
      ref = { id: m.id, name: m.name, description: m.description };
      this.moduleRefs.set(id, ref);
    }
    return ref;
  }

  /**
   * The tokens the caller may see, in the requested order: a shared, read-only array (never
   * copy it per request; slice the page you need and build views for those tokens only).
   */
  visibleTokens(caller: Caller, order: readonly OrderKey[]): readonly TokenRecord[] {
    const scope = isOps(caller) ? OPS_SCOPE : caller.account.id;
    if (order.length === 0) return this.scopeTokens(scope);
    return this.tokenOrder(scope, order).items;
  }

  private scopeTokens(scope: string): readonly TokenRecord[] {
    return scope === OPS_SCOPE ? this.tokens : (this.visibleByAccount.get(scope) ?? []);
  }

  private inScope(scope: string, token: TokenRecord): boolean {
    return scope === OPS_SCOPE || (token.accountId === scope && token.status !== 'Deleted');
  }

  private tokenOrder(scope: string, order: readonly OrderKey[]): TokenOrder {
    const key = `${scope}|${order.map((o) => (o.desc ? '-' : '+') + o.path.join('.')).join(',')}`;
    let entry = this.tokenOrders.get(key);
    if (!entry) {
      // Stable sort of the natural order: ties keep insertion order, as `compareTokens` does.
      const base = this.scopeTokens(scope);
      const items = sortIndexes(base.map((t) => this.tokenView(t)), order).map((i) => base[i] as TokenRecord);
      if (this.tokenOrders.size >= 32) this.tokenOrders.clear(); // bounded: odd orders do not pile up
      entry = { scope, order, usesAccess: order.some((o) => o.path[0] === 'lastAccessAt'), items };
      this.tokenOrders.set(key, entry);
    }
    return entry;
  }

  /** The total order of a cached sort: the order keys, then natural position (= stable sort). */
  private compareTokens(a: TokenRecord, b: TokenRecord, order: readonly OrderKey[]): number {
    return compareByOrder(this.tokenView(a), this.tokenView(b), order) || (this.seqOf.get(a) as number) - (this.seqOf.get(b) as number);
  }

  /**
   * After `token` changed (or was added): take it out of each cached order `affects` selects
   * and put it back at its sorted place if it still belongs to that scope. O(n) memmove per
   * order instead of an O(n log n) re-sort.
   */
  private reorder(token: TokenRecord, affects: (order: TokenOrder) => boolean = () => true): void {
    for (const entry of this.tokenOrders.values()) {
      // A token never changes account: other accounts' orders cannot hold it.
      if (!affects(entry) || (entry.scope !== OPS_SCOPE && entry.scope !== token.accountId)) continue;
      const items = entry.items;
      const from = items.indexOf(token);
      if (from !== -1) items.splice(from, 1);
      if (!this.inScope(entry.scope, token)) continue;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compareTokens(items[mid] as TokenRecord, token, entry.order) < 0) lo = mid + 1;
        else hi = mid;
      }
      items.splice(lo, 0, token);
    }
  }

  createToken(caller: Caller, input: NewToken, tokenHash: string, value: string, at: string): TokenRecord {
    const id = value.split(':')[1] as string;
    const token: TokenRecord = {
      id,
      name: input.name,
      description: input.description,
      icon: input.icon,
      status: 'Active',
      lastAccessAt: null,
      accountId: input.accountId,
      moduleIds: input.moduleIds,
      extensionIds: input.extensionIds,
      revision: 1,
      created: { at, by: { id: caller.token.id, name: caller.token.name } },
      updated: null,
      tokenHash,
    };
    if (this.legacyReveal) token.legacyValue = value;
    this.addToken(token);
    this.changed(token);
    this.record(caller, token, 'created', at);
    return token;
  }

  updateToken(caller: Caller, token: TokenRecord, changes: TokenChanges, at: string): void {
    Object.assign(token, changes);
    this.bump(caller, token, at);
    this.record(caller, token, 'updated', at);
  }

  setStatus(caller: Caller, token: TokenRecord, status: TokenStatus, action: AuditAction, at: string): void {
    token.status = status;
    this.bump(caller, token, at);
    this.record(caller, token, action, at);
  }

  setIcon(tokenId: string, icon: StoredIcon): void {
    this.icons.set(tokenId, icon);
  }

  getIcon(tokenId: string): StoredIcon | undefined {
    return this.icons.get(tokenId);
  }

  private bump(caller: Caller, token: TokenRecord, at: string): void {
    token.revision += 1;
    token.updated = { at, by: { id: caller.token.id, name: caller.token.name } };
    this.changed(token);
  }

  private changed(token: TokenRecord): void {
    this.views.delete(token.id);
    const scope = this.accountScope(token.accountId);
    const at = scope.indexOf(token);
    if (token.status === 'Deleted') {
      if (at !== -1) scope.splice(at, 1);
    } else if (at === -1) {
      // Back in view (not reachable through the API today): re-insert at its natural place.
      const seq = this.seqOf.get(token) as number;
      let lo = 0;
      let hi = scope.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.seqOf.get(scope[mid] as TokenRecord) as number) < seq) lo = mid + 1;
        else hi = mid;
      }
      scope.splice(lo, 0, token);
    }
    this.reorder(token);
  }

  private record(caller: Caller, token: TokenRecord, action: AuditAction, at: string): void {
    let id = this.ids.audit();
    while (this.auditById.has(id)) id = this.ids.audit();
    const owner = this.accounts.get(token.accountId) as AccountRecord;
    this.addAudit(
      buildAuditRecord({
        id,
        action,
        timestamp: at,
        token: { id: token.id, name: token.name },
        actor: { id: caller.token.id, name: caller.token.name },
        actorAccount: caller.account,
        ownerAccount: owner,
      }),
    );
  }

  /** Non-ops callers only see records their account is a viewer of. */
  canSeeAudit(caller: Caller, record: AuditRecordJson): boolean {
    return isOps(caller) || record.viewers.some((v) => v.id === caller.account.id);
  }

  auditRecord(caller: Caller, id: string): AuditRecordJson | undefined {
    const record = this.auditById.get(id);
    return record && this.canSeeAudit(caller, record) ? record : undefined;
  }

  /** `objectId`: the filter pins object.id, so only that object's records can match. */
  *visibleAudit(caller: Caller, order: readonly OrderKey[], objectId?: string): Generator<AuditRecordJson> {
    const source = objectId === undefined ? this.sortedAudit(order) : sortBy(this.auditByObject.get(objectId) ?? [], order);
    for (const record of source) if (this.canSeeAudit(caller, record)) yield record;
  }

  private sortedAudit(order: readonly OrderKey[]): readonly AuditRecordJson[] {
    if (order.length === 0) return this.audit;
    const key = order.map((o) => (o.desc ? '-' : '+') + o.path.join('.')).join(',');
    const cached = this.auditSortCache.get(key);
    if (cached) return cached.items;
    const items = sortBy(this.audit, order);
    if (this.auditSortCache.size >= 8) this.auditSortCache.clear(); // bounded: each new record updates every entry
    this.auditSortCache.set(key, { order, items });
    return items;
  }
}
