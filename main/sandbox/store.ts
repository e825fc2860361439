/**
 * In-memory state of the sandbox: accounts, tokens, audit records, icons.
 * Designed for 100k+ tokens: API views are built once per token and cached (rebuilt only when
 * that token changes), sorted orders are cached per data version, and list calls walk the
 * cached arrays instead of cloning the dataset.
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
  private readonly sortCache = new Map<string, { version: string; items: unknown[]; order: readonly OrderKey[] }>();
  /** Bumped on every token mutation; `accessVersion` on every lastAccessAt touch. */
  private version = 0;
  private accessVersion = 0;
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
    this.tokens.push(token);
    this.tokenById.set(token.id, token);
    if (token.tokenHash) this.tokenByHash.set(token.tokenHash, token);
    this.ids.reserve(token.id);
  }

  private addAudit(record: AuditRecordJson): void {
    this.audit.push(record);
    this.auditById.set(record.id, record);
    const list = this.auditByObject.get(record.object.id);
    if (list) list.push(record);
    else this.auditByObject.set(record.object.id, [record]);
  }

  tokenCount(): number {
    return this.tokens.length;
  }

  findByHash(hash: string): TokenRecord | undefined {
    return this.tokenByHash.get(hash);
  }

  /** Every authenticated call records the caller's last access. */
  touch(token: TokenRecord, at: string): void {
    const before = `${this.version}:${this.accessVersion}`;
    token.lastAccessAt = at;
    this.views.delete(token.id);
    this.accessVersion++;
    // Orders on lastAccessAt would go stale on every call (the caller is touched each time);
    // move just this token to its new place instead of re-sorting 100k tokens per request.
    for (const [key, entry] of this.sortCache) {
      if (!key.startsWith('t:') || !key.includes('lastAccessAt') || entry.version !== before) continue;
      this.reposition(entry.items as TokenRecord[], token, entry.order);
      entry.version = `${this.version}:${this.accessVersion}`;
    }
  }

  private reposition(items: TokenRecord[], token: TokenRecord, order: readonly OrderKey[]): void {
    const from = items.indexOf(token);
    if (from === -1) return;
    items.splice(from, 1);
    const view = this.tokenView(token);
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareByOrder(this.tokenView(items[mid] as TokenRecord), view, order) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, token);
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

  /** Token views visible to the caller, in the requested order (cached per data version). */
  *visibleTokenViews(caller: Caller, order: readonly OrderKey[]): Generator<object> {
    const sorted = this.sortedTokens(order);
    const ops = isOps(caller);
    const accountId = caller.account.id;
    for (const token of sorted) {
      if (!ops && (token.accountId !== accountId || token.status === 'Deleted')) continue;
      yield this.tokenView(token);
    }
  }

  private sortedTokens(order: readonly OrderKey[]): readonly TokenRecord[] {
    if (order.length === 0) return this.tokens;
    const key = order.map((o) => (o.desc ? '-' : '+') + o.path.join('.')).join(',');
    const usesAccess = order.some((o) => o.path[0] === 'lastAccessAt');
    const version = `${this.version}:${usesAccess ? this.accessVersion : 0}`;
    const cached = this.sortCache.get(`t:${key}`);
    if (cached && cached.version === version) return cached.items as TokenRecord[];
    // A stale order is still almost right (only touched/changed tokens moved): feeding it back
    // makes the stable sort nearly linear, so `order=-lastAccessAt` stays fast while every
    // call updates the caller's lastAccessAt. New tokens are appended to the stale order.
    let base: readonly TokenRecord[] = this.tokens;
    if (cached && cached.items.length <= this.tokens.length) base = [...(cached.items as TokenRecord[]), ...this.tokens.slice(cached.items.length)];
    const views = base.map((t) => this.tokenView(t));
    const items = sortIndexes(views, order).map((i) => base[i] as TokenRecord);
    this.remember(`t:${key}`, version, items, order);
    return items;
  }

  private remember(key: string, version: string, items: unknown[], order: readonly OrderKey[]): void {
    if (this.sortCache.size > 32) this.sortCache.clear(); // bounded: odd orders do not pile up
    this.sortCache.set(key, { version, items, order });
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
    this.version++;
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
    const key = `a:${order.map((o) => (o.desc ? '-' : '+') + o.path.join('.')).join(',')}`;
    const version = String(this.audit.length); // records are append-only
    const cached = this.sortCache.get(key);
    if (cached && cached.version === version) return cached.items as AuditRecordJson[];
    const items = sortBy(this.audit, order);
    this.remember(key, version, items, order);
    return items;
  }
}
