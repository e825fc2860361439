/**
 * Damaged files end to end through the REAL handler table: real conf files, the real keychain
 * (a unique Secret Service collection name) and the real sandbox over HTTP. After a restart on a
 * damaged settings file and a damaged cache, the app opens, the notice names both copies, and
 * the connection whose admin token is still in the keychain can be restored — only after "who
 * am I" accepts it again, under its old id, so its stored token values are its own again.
 * Skips WITH THE PRINTED REASON when no Secret Service is reachable (see vault/secret-service.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput, Channel } from '../../../common/contract';
import type { DeskErrorData } from '../../../common/errors';
import type { ClipboardPort } from '../../../main/core/clipboard';
import { dataFileOptions } from '../../../main/core/data-files';
import { createDispatch, type Dispatch, type HandlerContext } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices, type CoreServices } from '../../../main/core/services';
import { createConfStore } from '../../../main/core/store';
import { createKeytarSecretStore, type SecretStore } from '../../../main/core/vault';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { requireSecretService, uniqueService } from '../vault/secret-service';
import { asPage } from '../../support/connection-calls';

const available = await requireSecretService('damaged files');
const ctx: HandlerContext = { host: 'browser', emit: () => undefined };
const clipboard: ClipboardPort = { writeText: () => undefined, readText: () => '', clear: () => undefined };

describe.skipIf(!available)('damaged settings and cache: the app opens, says so once, restores from the keychain', () => {
  let sandbox: RunningSandbox;
  let dir: string;
  let secrets: SecretStore;
  let running: CoreServices[] = [];

  /** One app start on `dir`, the way the hosts open their files. */
  async function open(): Promise<{ services: CoreServices; call: <C extends Channel>(c: C, input?: unknown) => Promise<CallOutput<C>>; fail: (c: Channel, input?: unknown) => Promise<DeskErrorData> }> {
    const files = dataFileOptions(dir);
    const services = createCoreServices({
      settingsStore: await createConfStore(files.settings),
      cacheStore: await createConfStore(files.cache),
      secretStore: secrets,
      clipboard,
      clientOptions: { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 } },
    });
    running.push(services);
    const dispatch: Dispatch = asPage(services, createDispatch(createHandlerTable(services)));
    return {
      services,
      call: async (channel, input = {}) => {
        const r = await dispatch(channel, input, ctx);
        if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
        return r.value as never;
      },
      fail: async (channel, input = {}) => {
        const r = await dispatch(channel, input, ctx);
        if (r.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(r.value).slice(0, 200)}`);
        return r.error;
      },
    };
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ tokensPerAccount: 3, auditHistory: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-damaged-'));
    secrets = createKeytarSecretStore(uniqueService());
  });
  afterAll(async () => {
    for (const s of running) await s.dispose();
    running = [];
    if (secrets) for (const account of await secrets.list()) await secrets.delete(account);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await sandbox?.close();
  });

  it('restart on damaged files: both copies kept, one notice, the connection restored only after who-am-I', async () => {
    const client = sandbox.accounts.find((a) => a.type === 'Client')!;
    // First run: a connection, a created token (its value in the keychain), a synced cache.
    const first = await open();
    const profile = await first.call('connections.add', { name: 'Stark', baseUrl: sandbox.url, token: client.adminToken });
    const created = await first.call('tokens.create', { name: 'survives', description: '', moduleIds: ['MOD-1756'] });
    expect(created.stored).toBe(true);
    await first.call('tokens.sync');
    expect(await first.call('app.startupNotices')).toEqual({ notices: [] });
    await first.services.dispose();

    // Damage both files the way a crash or a bad disk would.
    const settingsFile = path.join(dir, 'settings.json');
    const cacheFile = path.join(dir, 'cache.json');
    const settingsBytes = fs.readFileSync(settingsFile).subarray(0, 40);
    fs.writeFileSync(settingsFile, settingsBytes);
    fs.writeFileSync(cacheFile, Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff]));

    // Second run: it opens.
    const second = await open();
    const { notices } = await second.call('app.startupNotices');
    expect(notices.map((n) => n.file)).toEqual(['settings', 'cache']);
    expect(fs.readFileSync(notices[0]!.movedTo)).toEqual(settingsBytes);
    expect(fs.readFileSync(notices[1]!.movedTo)).toEqual(Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff]));
    expect(notices.every((n) => /\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z(-\d+)?\.json$/.test(n.movedTo))).toBe(true);
    expect((await second.call('connections.list')).connections).toEqual([]);
    expect((await second.call('connections.restore')).status).toBe('none');

    // The offer: the admin token is still in the keychain (only its id reaches the page).
    const { connections: recoverable } = await second.call('connections.recoverable');
    expect(recoverable).toEqual([{ id: profile.id, adminTokenId: client.adminTokenId, baseUrl: profile.baseUrl }]);
    expect(JSON.stringify(recoverable)).not.toContain(client.adminToken);

    // Another address: refused before anything is sent (the token goes only where it was saved
    // for), nothing is saved, the keychain keeps the token.
    const requestsBefore = sandbox.stats().requests;
    const elsewhere = await second.fail('connections.restoreFromKeychain', { id: profile.id, name: 'Stark again', baseUrl: 'http://127.0.0.1:9' });
    expect(elsewhere.code).toBe('validation');
    expect(elsewhere.message).toBe(`This admin token was saved for ${profile.baseUrl}. Token Desk sends it only there.`);
    expect(elsewhere.message).not.toContain(client.adminToken);
    expect(sandbox.stats().requests).toBe(requestsBefore);
    expect((await second.call('connections.list')).connections).toEqual([]);
    expect(await secrets.get(`connection:${profile.id}`)).toBe(client.adminToken);

    // An id with no keychain entry is refused with a clear message.
    const unknown = await second.fail('connections.restoreFromKeychain', { id: '00000000-0000-4000-8000-000000000000', name: 'x', baseUrl: sandbox.url });
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toMatch(/keychain no longer holds/);

    // The right address: verified again, saved under its old id, active, its value is its own again.
    const before = sandbox.stats().requests;
    const restored = await second.call('connections.restoreFromKeychain', { id: profile.id, name: 'Stark again', baseUrl: sandbox.url });
    expect(sandbox.stats().requests).toBeGreaterThan(before); // who-am-I went to the API
    expect(restored).toMatchObject({ id: profile.id, name: 'Stark again', account: { id: profile.account.id }, adminTokenId: client.adminTokenId });
    expect((await second.call('connections.restore')).status).toBe('ok');
    const list = await second.call('tokens.sync');
    expect(list.tokens.find((t) => t.id === created.token.id)).toMatchObject({ hasValue: true });
    expect((await second.call('connections.recoverable')).connections).toEqual([]);
    const again = await second.fail('connections.restoreFromKeychain', { id: profile.id, name: 'twice', baseUrl: sandbox.url });
    expect(again.code).toBe('conflict');

    // Said once: dismissed, it stays dismissed for this run.
    await second.call('app.dismissStartupNotices');
    expect(await second.call('app.startupNotices')).toEqual({ notices: [] });

    // No secret in any file of the folder (the damaged copies included).
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'latin1');
      expect(text, file).not.toContain(client.adminToken);
      expect(text, file).not.toContain(created.value.split(':')[2]!);
    }
  });
});
