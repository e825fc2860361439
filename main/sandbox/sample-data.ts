/**
 * Deterministic sample data: accounts, admin tokens, sample tokens and their audit history.
 * Same seed + same `now` = same data. Built for volume: 100,000 tokens are generated in a few
 * hundred milliseconds: sample tokens (whose values nobody can know) get no value at all
 * unless `keepValues` asks for them; only admin tokens always have a real, hashed value.
 */
import { createHash } from 'node:crypto';
import { buildAuditRecord } from './audit-log';
import type { AccountRecord, AuditAction, AuditRecordJson, EventStamp, IdentityRef, TokenRecord, TokenStatus } from './model';
import { modulesForAccountType, type AccountType } from './modules-catalogue';
import { createPrng, type Prng } from './prng';

export interface SampleAccountSpec {
  name: string;
  type: AccountType;
  /** Sample tokens for this account (besides its admin token). Default: `tokensPerAccount`. */
  tokens?: number;
}

export interface SampleDataOptions {
  seed?: number;
  /** Default 25. */
  tokensPerAccount?: number;
  /** Historic audit records for the sample tokens. Default true. */
  auditHistory?: boolean;
  /** Default: the three sample accounts (Client "Stark Industries", a Vendor, an Operations account). */
  accounts?: SampleAccountSpec[];
  /** Reference time; dates spread over the two years before it. Default: the current time. */
  now?: Date | string;
  /** Generate and hash real values for the sample tokens and return them (legacy reveal). */
  keepValues?: boolean;
  /**
   * At least this many historic audit records per account (for benchmarks and large-history
   * tests): after the usual created/changed records, extra updated/enabled/disabled events on
   * the account's sample tokens are added until the account has this many. Needs `auditHistory`.
   */
  auditRecordsPerAccount?: number;
}

export interface SampleAdmin {
  accountId: string;
  tokenId: string;
  /** Full value `idt:TKN-…:…`; the only place a sample secret appears in clear. */
  value: string;
}

export interface SampleData {
  accounts: AccountRecord[];
  tokens: TokenRecord[];
  audit: AuditRecordJson[];
  admins: SampleAdmin[];
  /** Plaintext values of the sample tokens; only with `keepValues`. */
  values: Map<string, string>;
}

export const DEFAULT_SAMPLE_ACCOUNTS: readonly SampleAccountSpec[] = [
  { name: 'Stark Industries', type: 'Client' },
  { name: 'Globex Software', type: 'Vendor' },
  { name: 'SoftwareOne Operations', type: 'Operations' },
];

const TOKEN_NAMES = [
  'CI pipeline', 'Billing export', 'Nightly sync', 'Terraform provider', 'ServiceNow integration',
  'Power BI connector', 'Slack notifier', 'Order automation', 'License reconciliation', 'ERP connector',
  'Data warehouse loader', 'Monitoring probe', 'Backup job', 'Azure DevOps release', 'GitHub Actions deploy',
  'Jenkins build', 'Support portal', 'Reporting dashboard', 'Procurement bot', 'Invoice importer',
  'Usage collector', 'SAP bridge', 'Salesforce sync', 'Test automation', 'Staging smoke tests',
  'Catalog publisher', 'Subscription renewals', 'Audit exporter', 'Helpdesk bot', 'Price list import',
];
const NAME_SUFFIXES = ['', '', '', '', ' (prod)', ' (staging)', ' (test)', ' #2', ' #3', ' - EU', ' - US', ' v2', ' legacy'];
const DESCRIPTIONS = [
  'Used by the build server to query orders.',
  'Exports billing statements every night.',
  'Read-only access for the reporting team.',
  'Owned by the integration team; rotate yearly.',
  'Temporary token for the migration project.',
  'Synchronises subscriptions with the ERP.',
  'Do not delete: used by production automation.',
];
const FIRST_NAMES = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Katja', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Reto', 'Sofia', 'Tom', 'Uma'];
const LAST_NAMES = ['Smith', 'Mayer', 'Novak', 'Garcia', 'Schmid', 'Rossi', 'Tanaka', 'Dubois', 'Keller', 'Andersen', 'Brown', 'Müller', 'Silva', 'Kowalski', 'Anderson'];

const DAY = 86_400_000;

export function generateSampleData(options: SampleDataOptions = {}): SampleData {
  const seed = options.seed ?? 1;
  const rng = createPrng(seed);
  const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  const specs = options.accounts ?? DEFAULT_SAMPLE_ACCOUNTS;
  const tokensPerAccount = options.tokensPerAccount ?? 25;
  const auditHistory = options.auditHistory ?? true;
  const ids = new IdFactory(rng);

  const data: SampleData = { accounts: [], tokens: [], audit: [], admins: [], values: new Map() };
  for (const spec of specs) {
    const account: AccountRecord = { id: ids.account(), name: spec.name, type: spec.type, status: 'Active', icon: '' };
    account.icon = `/v1/accounts/accounts/${account.id}/icon`;
    data.accounts.push(account);
    const users = makeUsers(rng, ids, 12);
    const admin = makeAdminToken(rng, ids, account, users, nowMs);
    data.tokens.push(admin.token);
    data.admins.push({ accountId: account.id, tokenId: admin.token.id, value: admin.value });
    if (auditHistory) data.audit.push(audit(ids, 'created', admin.token, admin.token.created, account));
    const count = spec.tokens ?? tokensPerAccount;
    const firstAudit = data.audit.length - (auditHistory ? 1 : 0);
    const firstToken = data.tokens.length;
    generateAccountTokens({ rng, ids, account, users, count, nowMs, auditHistory, keepValues: options.keepValues ?? false, into: data });
    const wanted = options.auditRecordsPerAccount ?? 0;
    if (auditHistory && wanted > data.audit.length - firstAudit) {
      addExtraHistory(rng, ids, account, users, data.tokens.slice(firstToken), wanted - (data.audit.length - firstAudit), nowMs, data.audit);
    }
  }
  return data;
}

const EXTRA_ACTIONS: readonly AuditAction[] = ['updated', 'updated', 'updated', 'disabled', 'enabled'];

/**
 * Extra history for large-volume runs: events on random sample tokens of the account, at
 * random times between the token's creation and now. The token's current state is not
 * replayed from them (this is noise for volume, not a consistent event log).
 */
function addExtraHistory(rng: Prng, ids: IdFactory, account: AccountRecord, users: IdentityRef[], tokens: TokenRecord[], extra: number, nowMs: number, into: AuditRecordJson[]): void {
  if (tokens.length === 0) return;
  for (let i = 0; i < extra; i++) {
    const token = rng.pick(tokens);
    const createdMs = Date.parse(token.created.at);
    const at = { at: iso(createdMs + Math.floor(rng.next() * (nowMs - createdMs))), by: rng.pick(users) };
    into.push(audit(ids, rng.pick(EXTRA_ACTIONS), token, at, account));
  }
}

/**
 * One account of the given type with `tokens` sample tokens (plus its admin token), e.g. for
 * benchmarks: `generateAccountSample('Client', 10_000, { seed: 1 })`.
 */
export function generateAccountSample(
  type: AccountType,
  tokens: number,
  options: Omit<SampleDataOptions, 'accounts' | 'tokensPerAccount'> & { name?: string } = {},
): SampleData {
  const name = options.name ?? DEFAULT_SAMPLE_ACCOUNTS.find((a) => a.type === type)?.name ?? `${type} account`;
  return generateSampleData({ ...options, accounts: [{ name, type, tokens }] });
}

interface AccountTokenJob {
  rng: Prng;
  ids: IdFactory;
  account: AccountRecord;
  users: IdentityRef[];
  count: number;
  nowMs: number;
  auditHistory: boolean;
  keepValues: boolean;
  into: SampleData;
}

function generateAccountTokens(job: AccountTokenJob): void {
  const { rng, ids, account, users, count, nowMs } = job;
  const allowed = modulesForAccountType(account.type).map((m) => m.id);
  const start = nowMs - 730 * DAY;
  const span = 729 * DAY;
  for (let i = 0; i < count; i++) {
    // Monotonic creation times keep the natural (insertion) order chronological with no sort.
    const createdMs = Math.floor(start + (span * (i + rng.next())) / Math.max(count, 1));
    const creator = rng.pick(users);
    const created: EventStamp = { at: iso(createdMs), by: creator };
    const roll = rng.next();
    const status: TokenStatus = roll < 0.84 ? 'Active' : roll < 0.98 ? 'Disabled' : 'Deleted';
    const edits = status === 'Active' ? (rng.next() < 0.5 ? rng.int(1, 3) : 0) : rng.int(1, 3);
    const updatedMs = edits > 0 ? createdMs + Math.floor(rng.next() * (nowMs - createdMs)) : null;
    const updated: EventStamp | null = updatedMs === null ? null : { at: iso(updatedMs), by: rng.pick(users) };
    const accessRoll = rng.next();
    // ~15% never used; the rest used at a random time since creation, so many are > 90 days old.
    const lastAccessAt = accessRoll < 0.15 ? null : iso(createdMs + Math.floor(rng.next() * (nowMs - createdMs)));
    const id = ids.token();
    // A sample token's value is never shown to anyone, so by default it has none (null hash):
    // it cannot authenticate, exactly like a real token whose secret nobody kept.
    let tokenHash: string | null = null;
    if (job.keepValues) {
      const value = `idt:${id}:${rng.alnum(64)}`;
      tokenHash = sha256(value);
      job.into.values.set(id, value);
    }
    const token: TokenRecord = {
      id,
      name: rng.pick(TOKEN_NAMES) + rng.pick(NAME_SUFFIXES),
      description: rng.next() < 0.35 ? null : rng.pick(DESCRIPTIONS),
      icon: '',
      status,
      lastAccessAt,
      accountId: account.id,
      moduleIds: pickModules(rng, allowed),
      extensionIds: null,
      revision: 1 + edits,
      created,
      updated,
      tokenHash,
    };
    job.into.tokens.push(token);
    if (job.auditHistory) {
      job.into.audit.push(audit(ids, 'created', token, created, account));
      if (updated) {
        const action: AuditAction = status === 'Disabled' ? 'disabled' : status === 'Deleted' ? 'deleted' : 'updated';
        job.into.audit.push(audit(ids, action, token, updated, account));
      }
    }
  }
}

function makeAdminToken(rng: Prng, ids: IdFactory, account: AccountRecord, users: IdentityRef[], nowMs: number) {
  const id = ids.token();
  const value = `idt:${id}:${rng.alnum(64)}`;
  const token: TokenRecord = {
    id,
    name: 'Token Desk admin',
    description: `Sandbox administrator token for ${account.name}`,
    icon: '',
    status: 'Active',
    lastAccessAt: null,
    accountId: account.id,
    moduleIds: modulesForAccountType(account.type).map((m) => m.id),
    extensionIds: null,
    revision: 1,
    created: { at: iso(nowMs - 800 * DAY), by: rng.pick(users) },
    updated: null,
    tokenHash: sha256(value),
  };
  return { token, value };
}

function pickModules(rng: Prng, allowed: string[]): string[] {
  const n = rng.int(1, Math.min(4, allowed.length));
  const chosen = new Set<string>();
  while (chosen.size < n) chosen.add(rng.pick(allowed));
  return allowed.filter((id) => chosen.has(id)); // catalogue order, like the portal shows them
}

function makeUsers(rng: Prng, ids: IdFactory, n: number): IdentityRef[] {
  const users: IdentityRef[] = [];
  for (let i = 0; i < n; i++) users.push({ id: ids.user(), name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` });
  return users;
}

function audit(ids: IdFactory, action: AuditAction, token: TokenRecord, at: EventStamp, account: AccountRecord): AuditRecordJson {
  return buildAuditRecord({
    id: ids.audit(),
    action,
    timestamp: at.at,
    token: { id: token.id, name: token.name },
    actor: at.by,
    actorAccount: account,
    ownerAccount: account,
  });
}

const PAD4: string[] = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));
const PAD2: string[] = PAD4.slice(0, 100).map((p) => p.slice(2));
const PAD3: string[] = PAD4.slice(0, 1000).map((p) => p.slice(1));

/**
 * Unique ids in the documented formats (`XXX-####-####`). Uniqueness is tracked on the numeric
 * part per prefix: hashing numbers is much cheaper than hashing 100k+ freshly built strings.
 */
export class IdFactory {
  private readonly used = new Map<string, Set<number>>();
  constructor(private readonly rng: Prng) {}
  private unique(prefix: string): string {
    let set = this.used.get(prefix);
    if (!set) {
      set = new Set();
      this.used.set(prefix, set);
    }
    for (;;) {
      const n = Math.floor(this.rng.next() * 100_000_000);
      if (!set.has(n)) {
        set.add(n);
        return `${prefix}-${PAD4[Math.floor(n / 10_000)]}-${PAD4[n % 10_000]}`;
      }
    }
  }
  /** Marks an existing id (e.g. from loaded data) as taken. */
  reserve(id: string): void {
    const m = /^([A-Z]{3})-(\d{4})-(\d{4})$/.exec(id);
    if (!m) return;
    const prefix = m[1] as string;
    let set = this.used.get(prefix);
    if (!set) {
      set = new Set();
      this.used.set(prefix, set);
    }
    set.add(Number(`${m[2]}${m[3]}`));
  }
  token(): string {
    return this.unique('TKN');
  }
  account(): string {
    return this.unique('ACC');
  }
  user(): string {
    return this.unique('USR');
  }
  audit(): string {
    // 16 random digits: collisions are negligible, so these skip the uniqueness set (keeps 100k+ fast).
    const r = this.rng;
    const q = (): string => PAD4[Math.floor(r.next() * 10_000)] as string;
    return `AUD-${q()}-${q()}-${q()}-${q()}`;
  }
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

const dayPrefix = new Map<number, string>();
/** `Date#toISOString` for integer ms, ~5x faster: the date part is cached per day. */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  let rest = Math.floor(ms - day * DAY);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  return `${prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[sec]}.${PAD3[rest - sec * 1000]}Z`;
}
