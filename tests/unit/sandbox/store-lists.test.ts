/**
 * The store keeps per-account token lists and sorted orders up to date on every mutation instead
 * of recomputing them per request. These tests compare what it serves with a from-scratch
 * reference (filter every token by visibility, stable-sort by the order) after random
 * mutations, and check that list JSON is byte-identical to serialising the envelope.
 */
import { describe, expect, it } from 'vitest';
import { listArrayJson, listEnvelope } from '../../../main/sandbox/list-response';
import type { TokenRecord, TokenStatus } from '../../../main/sandbox/model';
import { createPrng } from '../../../main/sandbox/prng';
import { TOKEN_FIELDS, TOKEN_LIST_OMITTED } from '../../../main/sandbox/resource-fields';
import { sortBy } from '../../../main/sandbox/rql/evaluate';
import { parseQueryString } from '../../../main/sandbox/rql/parse';
import type { OrderKey } from '../../../main/sandbox/rql/types';
import { generateSampleData } from '../../../main/sandbox/sample-data';
import { SandboxStore, type Caller } from '../../../main/sandbox/store';

const NOW = '2026-06-01T00:00:00.000Z';
const ORDERS: string[] = ['', '-lastAccessAt', 'lastAccessAt', 'name', '-name,+status', 'status,-revision', 'modules.id', '-audit.updated.at', 'description'];
const NAMES = ['Alpha', 'beta', 'ALPHA', 'Gamma'];

function setup(tokensPerAccount: number) {
  const data = generateSampleData({ seed: 4, now: NOW, tokensPerAccount, auditHistory: false });
  const store = new SandboxStore(data, 4, false);
  const natural: TokenRecord[] = [...data.tokens];
  const callers: Caller[] = data.admins.map((admin) => ({
    token: data.tokens.find((t) => t.id === admin.tokenId) as TokenRecord,
    account: data.accounts.find((a) => a.id === admin.accountId)!,
  }));
  return { store, natural, callers, data };
}

const orderOf = (text: string): OrderKey[] => parseQueryString(text ? `order=${text}` : '').order;

/** What the list must be: visible tokens in natural order, stable-sorted by `order`. */
function reference(store: SandboxStore, natural: readonly TokenRecord[], caller: Caller, order: readonly OrderKey[]): string[] {
  const visible = natural.filter((t) => store.canSee(caller, t));
  const views = visible.map((t) => store.tokenView(t) as { id: string });
  return (order.length === 0 ? views : sortBy(views, order)).map((v) => v.id);
}

describe('store token lists stay equal to a from-scratch filter + stable sort', () => {
  it('through random touches, edits, status changes and creates, for every scope and order', () => {
    const { store, natural, callers } = setup(40);
    const rng = createPrng(99);
    const check = (step: number) => {
      for (const caller of callers) {
        for (const text of ORDERS) {
          const order = orderOf(text);
          const got = store.visibleTokens(caller, order).map((t) => t.id);
          expect(got, `step ${step}, ${caller.account.type}, order=${text}`).toEqual(reference(store, natural, caller, order));
        }
      }
    };
    check(0); // also builds every cached order, so the mutations below go through the incremental path
    let clock = Date.parse(NOW);
    for (let step = 1; step <= 150; step++) {
      const caller = callers[rng.int(0, callers.length - 1)] as Caller;
      const token = natural[rng.int(0, natural.length - 1)] as TokenRecord;
      const at = new Date((clock += rng.int(0, 2) * 1000)).toISOString(); // equal stamps happen: ties
      const roll = rng.next();
      if (roll < 0.3) store.touch(token, at);
      else if (roll < 0.55) store.updateToken(caller, token, { name: rng.pick(NAMES), description: rng.next() < 0.5 ? null : rng.pick(NAMES) }, at);
      else if (roll < 0.8) {
        const status: TokenStatus = rng.pick(['Active', 'Disabled', 'Deleted']);
        store.setStatus(caller, token, status, status === 'Deleted' ? 'deleted' : status === 'Active' ? 'enabled' : 'disabled', at);
      } else {
        const id = store.ids.token();
        const created = store.createToken(
          caller,
          { accountId: caller.account.id, name: rng.pick(NAMES), description: null, icon: null, moduleIds: ['MOD-1756'], extensionIds: null },
          `hash-${id}`,
          `idt:${id}:secret`,
          at,
        );
        natural.push(created);
      }
      if (step % 10 === 0) check(step);
    }
    check(151);
  });

  it('a client scope holds only its own non-Deleted tokens; ops sees all of them', () => {
    const { store, natural, callers } = setup(30);
    const [client, , ops] = callers as [Caller, Caller, Caller];
    const own = natural.filter((t) => t.accountId === client.account.id);
    expect(store.visibleTokens(client, []).map((t) => t.id)).toEqual(own.filter((t) => t.status !== 'Deleted').map((t) => t.id));
    expect(store.visibleTokens(ops, [])).toHaveLength(natural.length);
    const victim = own.find((t) => t.status === 'Active' && t.id !== client.token.id) as TokenRecord;
    store.setStatus(ops, victim, 'Deleted', 'deleted', NOW);
    expect(store.visibleTokens(client, []).map((t) => t.id)).not.toContain(victim.id);
    expect(store.visibleTokens(ops, []).map((t) => t.id)).toContain(victim.id);
  });
});

describe('list JSON', () => {
  const { store, callers } = setup(120);
  const client = callers[0] as Caller;
  const queries = ['', 'select=audit&limit=100', 'limit=7&offset=5', 'limit=50&offset=110', 'limit=0', 'order=-name&select=-*,+id,+modules.id', "ilike(name,'*sync*')&limit=5&offset=2", 'eq(status,Disabled)&select=audit&order=lastAccessAt'];

  it.each(queries)('is byte-identical to JSON.stringify of the envelope: %s', (q) => {
    const query = parseQueryString(q);
    const tokens = store.visibleTokens(client, query.order);
    const views = tokens.map((t) => store.tokenView(t));
    const expected = JSON.stringify(listEnvelope(query, views, TOKEN_FIELDS, TOKEN_LIST_OMITTED));
    const view = (t: TokenRecord) => store.tokenView(t);
    expect(listArrayJson(query, tokens, view, TOKEN_FIELDS, TOKEN_LIST_OMITTED).toString('utf8')).toBe(expected);
    // second call: served from the per-view JSON cache, still identical
    expect(listArrayJson(query, tokens, view, TOKEN_FIELDS, TOKEN_LIST_OMITTED).toString('utf8')).toBe(expected);
  });

  it('a changed token is served fresh, not from the JSON cache', () => {
    const query = parseQueryString('select=audit&limit=3');
    const view = (t: TokenRecord) => store.tokenView(t);
    const first = store.visibleTokens(client, [])[1] as TokenRecord;
    listArrayJson(query, store.visibleTokens(client, []), view, TOKEN_FIELDS, TOKEN_LIST_OMITTED);
    store.updateToken(client, first, { name: 'Renamed for the cache test' }, NOW);
    const text = listArrayJson(query, store.visibleTokens(client, []), view, TOKEN_FIELDS, TOKEN_LIST_OMITTED);
    expect(JSON.parse(text.toString('utf8')).data[1]).toMatchObject({ id: first.id, name: 'Renamed for the cache test', revision: first.revision });
  });
});
