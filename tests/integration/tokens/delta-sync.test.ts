/**
 * Delta sync over real HTTP: after the first full sync a refresh asks only for what changed
 * (plus a count), counted at the sandbox. The list it gives must equal a fresh full listing.
 * Needs a Secret Service (the harness keeps the admin token in the keychain).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenList } from '../../../common/contract';
import type { ApiToken } from '../../../common/domain';
import { createMarketplaceClient, type MarketplaceClient } from '../../../main/core/api/index';
import { startHarness, type Harness } from './harness';

const TOKENS = 450;

describe('tokens.sync: delta after the first full sync', () => {
  let h: Harness;
  let other: MarketplaceClient;
  let connectionId = '';

  /** What the API lists now, as comparable rows. */
  const truth = async () => (await other.tokens.listAll()).map(row).sort(byId);
  const row = (t: Pick<ApiToken, 'id' | 'status' | 'name' | 'revision'>) => ({ id: t.id, status: t.status, name: t.name, revision: t.revision });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const shown = (list: TokenList) => list.tokens.map(row).sort(byId);

  async function sync(): Promise<{ list: TokenList; requests: number }> {
    const before = h.sandbox.stats().requests;
    const list = await h.call('tokens.sync');
    return { list, requests: h.sandbox.stats().requests - before };
  }

  beforeAll(async () => {
    h = await startHarness({ seed: 12, accounts: [{ type: 'Client', tokens: TOKENS }] });
    const admin = h.sandbox.accounts.find((a) => a.type === 'Client')!;
    other = createMarketplaceClient({ baseUrl: h.sandbox.url, token: admin.adminToken, appVersion: 'test', retry: { maxAttempts: 1 } });
    connectionId = (await h.services.connections.add({ name: 'Stark (sandbox)', baseUrl: h.sandbox.url, token: admin.adminToken })).id;
  }, 60_000);
  afterAll(async () => h?.close());

  it('the first sync is a full one (every page) and stores a mark', async () => {
    const listed = (await truth()).length;
    const { list, requests } = await sync();
    expect(shown(list)).toEqual(await truth());
    expect(requests).toBe(Math.ceil(listed / 100));
    expect(h.services.cache.getTokens(connectionId)?.mark).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('an unchanged account refreshes in at most 2 requests', async () => {
    const { list, requests } = await sync();
    expect(requests).toBeLessThanOrEqual(2);
    expect(shown(list)).toEqual(await truth());
  });

  it('100 tokens changed elsewhere: at most 3 requests, and the list shows every change', async () => {
    const active = (await other.tokens.listAll()).filter((t) => t.status === 'Active' && !t.name.startsWith('Token Desk admin')).slice(0, 100);
    expect(active).toHaveLength(100);
    for (const t of active) await other.tokens.disable(t.id);
    const { list, requests } = await sync();
    expect(requests).toBeLessThanOrEqual(3);
    const byIdShown = new Map(list.tokens.map((t) => [t.id, t]));
    for (const t of active) expect(byIdShown.get(t.id)?.status).toBe('Disabled');
    expect(shown(list)).toEqual(await truth());
  });

  it('deletions and a new token: the count disagrees, an id listing finds what went, the list is right', async () => {
    const all = (await other.tokens.listAll()).filter((t) => !t.name.startsWith('Token Desk admin'));
    const gone = all.slice(0, 3).map((t) => t.id);
    for (const id of gone) await other.tokens.delete(id);
    const created = await other.tokens.create({ name: 'delta newcomer', moduleIds: ['MOD-1756'] });
    const { list, requests } = await sync();
    const ids = new Set(list.tokens.map((t) => t.id));
    for (const id of gone) expect(ids.has(id)).toBe(false);
    expect(ids.has(created.id)).toBe(true);
    expect(shown(list)).toEqual(await truth());
    // count + delta + the id listing's pages — still fewer than a full sync's bytes, never a full sync here.
    expect(requests).toBe(2 + Math.ceil(list.tokens.length / 100));
    // The cache holds the same list for the next start.
    expect((h.services.cache.getTokens(connectionId)?.items ?? []).length).toBe(list.tokens.length);
  });

  it('a change right after the last sync is in the next one, and the mark never moves back', async () => {
    const mark = h.services.cache.getTokens(connectionId)!.mark!;
    const target = (await other.tokens.listAll()).find((t) => t.status === 'Disabled')!;
    await other.tokens.enable(target.id);
    const { list } = await sync();
    expect(list.tokens.find((t) => t.id === target.id)?.status).toBe('Active');
    expect(h.services.cache.getTokens(connectionId)!.mark! >= mark).toBe(true);
    expect(shown(list)).toEqual(await truth());
  });
});
