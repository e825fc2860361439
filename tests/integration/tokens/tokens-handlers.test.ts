/**
 * tokens.*, audit.token and the token modules through the real handler table with real services
 * over a real sandbox, real conf files and the real keychain (handlers-setup.ts). The tests run
 * in order and share one sandbox; the last searches every file on disk for a token value.
 * Needs a Secret Service; without one the suite is skipped WITH the printed reason:
 *   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --project integration tests/integration/tokens'
 */
import { describe, expect, it } from 'vitest';
import { OWN_TOKEN_SKIPPED } from '../../../common/own-token';
import { CONFLICT_MESSAGE } from '../../../main/core/tokens/lifecycle';
import { DEFAULT_MODULE_IDS } from '../../../main/core/tokens/modules-source';
import { requireSecretService } from '../vault/secret-service';
import { PNG_1X1 } from './harness';
import {
  activeOthers,
  adminTokenId,
  cachedById,
  connectionId,
  expectNoTokenValueWritten,
  h,
  other,
  progressEvents,
  secrets,
  useTokenHandlers,
} from './handlers-setup';

const available = await requireSecretService('tokens integration');

describe.skipIf(!available)('token handlers: real dispatch, sandbox, keychain and files', () => {
  useTokenHandlers();

  it('tokens.cached before any sync: an empty list, fetchedAt null', async () => {
    expect(await h.call('tokens.cached')).toEqual({ tokens: [], fetchedAt: null });
  });

  it('tokens.sync loads every token with progress events and fills the cache', async () => {
    const expected = await other.tokens.listAll();
    expect(expected.length).toBeGreaterThan(100);
    // The (legacy) API hands out values: remember them all for the leak checks.
    for (const t of expected) if (t.token) secrets.add(t.token);
    expect(secrets.size).toBeGreaterThan(100);
    h.events.length = 0;

    const list = await h.call('tokens.sync');
    expect(list.offline).toBeUndefined();
    expect(list.tokens.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
    expect(Date.parse(list.fetchedAt!)).toBeGreaterThan(Date.now() - 60_000);
    for (const t of list.tokens) {
      expect(t).not.toHaveProperty('token');
      expect(t.hasValue).toBe(false);
      expect(t.audit?.created?.at).toBeTruthy(); // select=audit reached the API
    }

    const progress = progressEvents();
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toEqual({ loaded: expected.length, total: expected.length });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.loaded).toBeGreaterThanOrEqual(progress[i - 1]!.loaded);

    const cached = await h.call('tokens.cached');
    expect(cached.fetchedAt).toBe(list.fetchedAt);
    expect(cached.tokens).toEqual(list.tokens);
  });

  it('enable / disable: new state returned and cached; a repeat is not an error', async () => {
    const target = activeOthers((await h.call('tokens.cached')).tokens)[0]!;

    const disabled = await h.call('tokens.disable', { id: target.id });
    expect(disabled.status).toBe('Disabled');
    expect((await other.tokens.get(target.id)).status).toBe('Disabled');
    expect(cachedById(target.id)?.status).toBe('Disabled');
    expect((await h.call('tokens.cached')).tokens.find((t) => t.id === target.id)?.status).toBe('Disabled');

    // Already Disabled (a double click, or someone else was faster): the intent holds.
    expect((await h.call('tokens.disable', { id: target.id })).status).toBe('Disabled');

    const enabled = await h.call('tokens.enable', { id: target.id });
    expect(enabled.status).toBe('Active');
    expect(cachedById(target.id)?.status).toBe('Active');
  });

  it('refuses to disable or delete the token the connection signs in with', async () => {
    for (const channel of ['tokens.disable', 'tokens.delete'] as const) {
      const error = await h.fail(channel, { id: adminTokenId });
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/signs in with/);
    }
    expect((await other.tokens.get(adminTokenId)).status).toBe('Active');
  });

  it('an API refusal is explained: a token deleted elsewhere is not_found and leaves the cache', async () => {
    const victim = activeOthers((await h.call('tokens.cached')).tokens).at(-1)!;
    await other.tokens.delete(victim.id);
    const error = await h.fail('tokens.enable', { id: victim.id });
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(`${victim.id} no longer exists in the Marketplace (someone may have deleted it). Refresh the list.`);
    expect(cachedById(victim.id)).toBeUndefined();
  });

  it('tokens.update saves with the revision; a concurrent edit by a second client is a conflict', async () => {
    const target = activeOthers((await h.call('tokens.cached')).tokens)[1]!;
    const opened = await h.call('tokens.get', { id: target.id });
    expect(opened.revision).toEqual(expect.any(Number));

    const saved = await h.call('tokens.update', {
      id: target.id,
      name: 'Renamed by Token Desk',
      description: 'edited',
      moduleIds: ['MOD-1756', 'MOD-0478'],
      revision: opened.revision!,
    });
    expect(saved).toMatchObject({ name: 'Renamed by Token Desk', description: 'edited', revision: opened.revision! + 1 });
    expect(saved.modules.map((m) => m.id).sort()).toEqual(['MOD-0478', 'MOD-1756']);
    expect(cachedById(target.id)?.name).toBe('Renamed by Token Desk');

    // Someone else edits it meanwhile; our form still holds `saved.revision`.
    await other.tokens.update(target.id, { name: 'Renamed elsewhere', description: null, moduleIds: ['MOD-1756'], revision: saved.revision! });
    const error = await h.fail('tokens.update', { id: target.id, name: 'Mine', description: '', moduleIds: ['MOD-1756'], revision: saved.revision! });
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(CONFLICT_MESSAGE);
    expect((await other.tokens.get(target.id)).name).toBe('Renamed elsewhere');

    // With the latest revision the edit goes through.
    const latest = await h.call('tokens.get', { id: target.id });
    const retried = await h.call('tokens.update', { id: target.id, name: 'Mine', description: '', moduleIds: ['MOD-1756'], revision: latest.revision! });
    expect(retried).toMatchObject({ name: 'Mine', description: null });
  });

  it('tokens.update: logo kept (undefined), replaced (upload) and removed (null)', async () => {
    const target = activeOthers((await h.call('tokens.cached')).tokens)[2]!;
    const base = { id: target.id, name: target.name, description: 'logo test', moduleIds: target.modules.map((m) => m.id) };

    const uploaded = await h.call('tokens.update', { ...base, icon: { fileName: 'logo.png', mimeType: 'image/png', dataBase64: PNG_1X1 } });
    expect(uploaded.icon).toBe(`/v1/accounts/api-tokens/${target.id}/icon`);
    const icon = await fetch(`${h.sandbox.url}${uploaded.icon}`);
    expect(Buffer.from(await icon.arrayBuffer()).equals(Buffer.from(PNG_1X1, 'base64'))).toBe(true);

    const kept = await h.call('tokens.update', { ...base, description: 'logo kept' });
    expect(kept.icon).toBe(uploaded.icon);

    const removed = await h.call('tokens.update', { ...base, icon: null });
    expect(removed.icon || null).toBeNull();
    expect(cachedById(target.id)?.icon || null).toBeNull();
  });

  it('tokens.delete deletes in the Marketplace, removes the keychain value and the cache entry', async () => {
    const created = await other.tokens.create({ name: 'Delete me', moduleIds: ['MOD-1756'] });
    secrets.add(created.token!);
    await h.call('tokens.sync');
    await h.services.vault.setTokenValue(connectionId, created.id, created.token!);
    expect((await h.call('tokens.cached')).tokens.find((t) => t.id === created.id)?.hasValue).toBe(true);

    expect(await h.call('tokens.delete', { id: created.id })).toEqual({ id: created.id, valueRemoved: true });
    expect(await h.services.vault.getTokenValue(connectionId, created.id)).toBeNull();
    expect(await h.secrets.list()).not.toContain(`token:${connectionId}:${created.id}`);
    expect(cachedById(created.id)).toBeUndefined();
    await expect(other.tokens.get(created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('tokens.bulk disables 3 with one progress event and one result per token; a refusal does not stop the batch', async () => {
    const three = activeOthers((await h.call('tokens.cached')).tokens).slice(3, 6).map((t) => t.id);
    const ids = [three[0]!, adminTokenId, three[1]!, three[2]!];
    h.events.length = 0;

    const { results } = await h.call('tokens.bulk', { action: 'disable', ids });
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    // The token the connection signs in with is left alone, and said to be.
    expect(results.map((r) => r.outcome)).toEqual([undefined, 'skipped', undefined, undefined]);
    expect(results[1]!.message).toBe(OWN_TOKEN_SKIPPED);
    for (const r of results.filter((x) => x.ok)) expect(r.token?.status).toBe('Disabled');
    for (const id of three) expect((await other.tokens.get(id)).status).toBe('Disabled');

    const progress = h.events.filter((e) => e.event === 'tokens.bulkProgress').map((e) => e.payload as { done: number; total: number; id: string; ok: boolean });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4)).toBe(true);
    expect(progress.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(progress.find((p) => p.id === adminTokenId)?.ok).toBe(false);

    // Again: all three already are Disabled. Each is counted as such, and none is written again.
    const before = (await other.tokens.get(three[0]!)).audit?.updated?.at;
    const again = await h.call('tokens.bulk', { action: 'disable', ids: three });
    expect(again.results.map((r) => [r.ok, r.outcome])).toEqual(three.map(() => [true, 'unchanged']));
    expect(again.results.every((r) => r.token?.status === 'Disabled')).toBe(true);
    expect((await other.tokens.get(three[0]!)).audit?.updated?.at).toBe(before);
  });

  it('tokens.bulk delete: a token someone deleted first counts as already gone, not as deleted', async () => {
    const a = await other.tokens.create({ name: 'Bulk gone first', moduleIds: ['MOD-1756'] });
    const b = await other.tokens.create({ name: 'Bulk delete me', moduleIds: ['MOD-1756'] });
    secrets.add(a.token!);
    secrets.add(b.token!);
    await h.call('tokens.sync');
    await other.tokens.delete(a.id);
    const { results } = await h.call('tokens.bulk', { action: 'delete', ids: [a.id, b.id] });
    expect(results.map((r) => [r.id, r.ok, r.outcome])).toEqual([
      [a.id, true, 'unchanged'],
      [b.id, true, undefined],
    ]);
  });

  it('audit.token: newest first, paged, whole trail cached', async () => {
    const target = activeOthers((await h.call('tokens.cached')).tokens)[0]!; // disabled + enabled above
    const first = await h.call('audit.token', { id: target.id, offset: 0, limit: 2, refresh: true });
    expect(first.items.length).toBe(2);
    expect(first.hasMore).toBe(true); // at least three records
    const all = await h.call('audit.token', { id: target.id, offset: 0, limit: 100 });
    const times = all.items.map((r) => Date.parse(r.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items.every((r) => r.token.id === target.id)).toBe(true);
    expect(all.items[0]!.event).toMatch(/enabled/i); // the latest action on it
    const second = await h.call('audit.token', { id: target.id, offset: 2, limit: 2 });
    expect(second.items.map((r) => r.id)).toEqual(all.items.slice(2, 4).map((r) => r.id));
    expect(all.complete).toBe(true);
    expect(all.hasMore).toBe(false);
  });

  it('tokens.modules for a Client: derived from its tokens and the documented defaults, partial', async () => {
    const result = await h.call('tokens.modules');
    expect(result.source).toBe('derived');
    expect(result.partial).toBe(true);
    const ids = result.modules.map((m) => m.id);
    for (const id of DEFAULT_MODULE_IDS.Client) expect(ids).toContain(id);
    const seen = new Set((await h.call('tokens.cached')).tokens.flatMap((t) => t.modules.map((m) => m.id)));
    for (const id of seen) expect(ids).toContain(id);
    expect(ids).not.toContain('MOD-8743'); // Vendor-only, on no Client token
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.modules.find((m) => m.id === 'MOD-1756')?.name).toBe('Access Management');
  });

  it('tokens.modules for Operations: the modules endpoint, complete', async () => {
    const ops = h.sandbox.accounts.find((a) => a.type === 'Operations')!;
    secrets.add(ops.adminToken);
    await h.services.connections.add({ name: 'Ops (sandbox)', baseUrl: h.sandbox.url, token: ops.adminToken });
    try {
      const result = await h.call('tokens.modules');
      expect(result).toMatchObject({ source: 'api', partial: false });
      const ids = result.modules.map((m) => m.id);
      expect(ids).toContain('MOD-3110'); // ops-only, only the endpoint knows it
      expect(ids).toContain('MOD-8743');
      expect(result.modules.every((m) => typeof m.name === 'string' && m.name.length > 0)).toBe(true);
    } finally {
      h.services.connections.switchTo(connectionId);
    }
  });

  it('no token value in any file on disk, nor in any event', () => {
    expectNoTokenValueWritten(5);
  });
});
