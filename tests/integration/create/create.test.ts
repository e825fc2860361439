/**
 * tokens.create / tokens.findRecent through the REAL handler table, over the
 * real sandbox (HTTP), real conf files in a temp dir and the real keychain (a unique test
 * service). Skips WITH THE PRINTED REASON when no Secret Service is reachable; run with:
 *   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --project integration tests/integration/create'
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput, Channel, ConnectionProfile } from '../../../common/contract';
import type { DeskErrorData, DeskResult } from '../../../common/errors';
import { whoAmI } from '../../../main/core/api/whoami';
import { createDispatch, type Dispatch, type HandlerContext } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices, type CoreServices } from '../../../main/core/services';
import { createConfStore } from '../../../main/core/store';
import { createKeytarSecretStore, type SecretStore } from '../../../main/core/vault';
import type { ClipboardPort } from '../../../main/core/clipboard';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { requireSecretService, uniqueService } from '../vault/secret-service';
import { asPage } from '../../support/connection-calls';

const available = await requireSecretService('create integration');

const ctx: HandlerContext = { host: 'browser', emit: () => undefined };

/** A tiny valid PNG (1×1, transparent). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function memoryClipboard(): ClipboardPort {
  let text = '';
  return { writeText: (t) => void (text = t), readText: () => text, clear: () => void (text = '') };
}

/** A keychain whose token-value writes fail (the connection secret still works). */
function failingTokenWrites(real: SecretStore): SecretStore {
  return {
    get: (a) => real.get(a),
    delete: (a) => real.delete(a),
    list: () => real.list(),
    set: (a, s) => (a.startsWith('token:') ? Promise.reject(new Error('The keychain is locked (test).')) : real.set(a, s)),
  };
}

describe.skipIf(!available)('Add API token: real handlers, sandbox, keychain, files', () => {
  let sandbox: RunningSandbox;
  let dir: string;
  let secrets: SecretStore;
  let services: CoreServices;
  let dispatch: Dispatch;
  let profile: ConnectionProfile;

  async function call<C extends Channel>(channel: C, input: unknown): Promise<CallOutput<C>> {
    const r = await dispatch(channel, input, ctx);
    if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { data: r.error });
    return r.value as CallOutput<C>;
  }
  async function fail(channel: Channel, input: unknown): Promise<DeskErrorData> {
    const r: DeskResult<unknown> = await dispatch(channel, input, ctx);
    if (r.ok) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(r.value).slice(0, 200)}`);
    return r.error;
  }

  async function build(secretStore: SecretStore, name: string, clipboard: ClipboardPort = memoryClipboard()): Promise<{ services: CoreServices; dispatch: Dispatch }> {
    const sub = path.join(dir, name);
    const s = createCoreServices({
      settingsStore: await createConfStore({ cwd: sub, configName: 'settings' }),
      cacheStore: await createConfStore({ cwd: sub, configName: 'cache', onCorrupt: 'move-aside' }),
      secretStore,
      clipboard,
      clientOptions: { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 } },
    });
    return { services: s, dispatch: asPage(s, createDispatch(createHandlerTable(s))) };
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ tokensPerAccount: 4, auditHistory: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-create-'));
    secrets = createKeytarSecretStore(uniqueService());
    ({ services, dispatch } = await build(secrets, 'main'));
    const admin = sandbox.accounts[0]!;
    profile = await services.connections.add({ name: 'Sandbox', baseUrl: sandbox.url, token: admin.adminToken });
  });

  afterEach(() => sandbox?.setFaults({}));

  afterAll(async () => {
    services?.dispose();
    if (secrets) for (const account of await secrets.list()) await secrets.delete(account);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await sandbox?.close();
  });

  it('creates a token, stores its value in the keychain before answering, and the value authenticates', async () => {
    const { client } = await services.session();
    services.cache.putTokens(profile.id, await client.tokens.listAll());
    const before = sandbox.stats().creates;

    const result = await call('tokens.create', { name: '  CI robot  ', description: 'built by tests', moduleIds: ['MOD-1756', 'MOD-0478'] });

    expect(sandbox.stats().creates).toBe(before + 1);
    expect(result.stored).toBe(true);
    expect(result.keychainError).toBeUndefined();
    expect(result.token).toMatchObject({ name: 'CI robot', description: 'built by tests', status: 'Active', hasValue: true });
    expect(result.token).not.toHaveProperty('token');
    expect(result.value).toMatch(new RegExp(`^idt:${result.token.id}:[A-Za-z0-9]+$`));
    expect(await secrets.get(`token:${profile.id}:${result.token.id}`)).toBe(result.value);

    const who = await whoAmI({ baseUrl: sandbox.url, token: result.value, retry: { maxAttempts: 1 } });
    expect(who.tokenId).toBe(result.token.id);

    // The cached list holds the new token, never its value.
    const cached = services.cache.getTokens(profile.id);
    expect(cached?.items.map((t) => t.id)).toContain(result.token.id);
    // The list has a file of its own, written after idle (token-list-cache.ts).
    await services.cache.flush();
    const cacheFile = fs.readFileSync(services.cache.tokenLists.filePath(profile.id)!, 'utf8');
    expect(cacheFile).toContain(result.token.id);
    expect(cacheFile).not.toContain(result.value.split(':')[2]!);
  });

  it('creates a token with a PNG logo (multipart): the token gets an icon', async () => {
    const result = await call('tokens.create', {
      name: 'With logo',
      description: '',
      moduleIds: ['MOD-1756'],
      icon: { fileName: 'logo.png', mimeType: 'image/png', dataBase64: PNG_1X1.toString('base64') },
    });
    expect(result.token.icon).toMatch(new RegExp(`${result.token.id}/icon$`));
    const res = await fetch(`${sandbox.url}${result.token.icon!}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1X1)).toBe(true);
  });

  it('refuses logo bytes that are not the image they claim to be, before any request', async () => {
    const before = sandbox.stats().requests;
    const notPng = await fail('tokens.create', {
      name: 'Bad logo',
      description: '',
      moduleIds: ['MOD-1756'],
      icon: { fileName: 'logo.png', mimeType: 'image/png', dataBase64: Buffer.from('GIF89a not a png at all').toString('base64') },
    });
    expect(notPng.code).toBe('validation');
    expect(notPng.fields?.icon?.[0]).toMatch(/PNG, JPEG or WebP/);

    const jpegAsPng = await fail('tokens.create', {
      name: 'Bad logo',
      description: '',
      moduleIds: ['MOD-1756'],
      icon: { fileName: 'logo.png', mimeType: 'image/png', dataBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64') },
    });
    expect(jpegAsPng.fields?.icon?.[0]).toMatch(/image\/jpeg/);
    expect(sandbox.stats().requests).toBe(before);
  });

  it('maps a server-side 400 to its field (unknown module → fields.modules)', async () => {
    const before = sandbox.stats().creates;
    const error = await fail('tokens.create', { name: 'Unknown module', description: '', moduleIds: ['MOD-0000'] });
    expect(error.code).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.fields?.modules?.join(' ')).toMatch(/MOD-0000/);
    expect(sandbox.stats().creates).toBe(before);
  });

  it('a dropped connection on create: offline/timeout, exactly ONE token created, and findRecent finds it', async () => {
    const name = `Dropped answer ${Date.now()}`;
    const before = sandbox.stats().creates;
    sandbox.setFaults({ dropRate: 1, dropPhase: 'after' });
    const error = await fail('tokens.create', { name, description: '', moduleIds: ['MOD-1756'] });
    sandbox.setFaults({});

    expect(['offline', 'timeout']).toContain(error.code);
    expect(error.message).toMatch(/look for/i);
    expect(sandbox.stats().creates).toBe(before + 1);

    const found = await call('tokens.findRecent', { name, withinMinutes: 10 });
    expect(found.tokens).toHaveLength(1);
    expect(found.tokens[0]).toMatchObject({ name, hasValue: false });
    // Nothing else with that name, and an old token of another name is not "recent".
    expect((await call('tokens.findRecent', { name: `${name} (other)`, withinMinutes: 10 })).tokens).toEqual([]);
  });

  it('findRecent leaves out tokens of that name created before the window', async () => {
    const { client } = await services.session();
    const old = (await client.tokens.listAll()).find((t) => t.id !== profile.adminTokenId && (t.audit?.created?.at ?? '') < new Date(Date.now() - 3_600_000).toISOString());
    expect(old, 'the sample data should hold an old token').toBeDefined();
    expect((await call('tokens.findRecent', { name: old!.name, withinMinutes: 10 })).tokens.map((t) => t.id)).not.toContain(old!.id);
  });

  it('when the keychain refuses the value: stored false, the error, and the value still returned', async () => {
    const other = await build(failingTokenWrites(secrets), 'locked');
    const admin = sandbox.accounts[0]!;
    // The same admin token, so the duplicate check of the first services does not apply here.
    await other.services.connections.add({ name: 'Locked', baseUrl: sandbox.url, token: admin.adminToken });
    const r = await other.dispatch('tokens.create', { name: 'Not stored', description: '', moduleIds: ['MOD-1756'] }, ctx);
    other.services.dispose();
    expect(r.ok).toBe(true);
    const result = (r as { ok: true; value: CallOutput<'tokens.create'> }).value;
    expect(result.stored).toBe(false);
    expect(result.keychainError).toMatch(/locked/);
    expect(result.token.hasValue).toBe(false);
    expect(result.value).toMatch(/^idt:TKN-/);
  });

  it('a value the keychain refused is copied through main from memory, until the summary forgets it', async () => {
    const clipboard = memoryClipboard();
    const other = await build(failingTokenWrites(secrets), 'unsaved', clipboard);
    const admin = sandbox.accounts[0]!;
    await other.services.connections.add({ name: 'Locked', baseUrl: sandbox.url, token: admin.adminToken });
    const r = await other.dispatch('tokens.create', { name: 'Copy me anyway', description: '', moduleIds: ['MOD-1756'] }, ctx);
    expect(r.ok).toBe(true);
    const result = (r as { ok: true; value: CallOutput<'tokens.create'> }).value;
    expect(result.stored).toBe(false);

    const notices: unknown[] = [];
    const noticeCtx: HandlerContext = { host: 'browser', emit: (event, payload) => void notices.push({ event, payload }) };
    const copied = await other.dispatch('values.copy', { id: result.token.id }, noticeCtx);
    expect(copied.ok && (copied.value as CallOutput<'values.copy'>).clearsAt).toBeTruthy();
    expect(await clipboard.readText()).toBe(result.value);
    expect(notices).toEqual([{ event: 'app.notice', payload: expect.objectContaining({ level: 'success' }) }]);
    expect(JSON.stringify(notices)).not.toContain(result.value);

    expect(await other.dispatch('values.forgetUnsaved', { id: result.token.id }, ctx)).toEqual({ ok: true, value: { ok: true } });
    const after = await other.dispatch('values.copy', { id: result.token.id }, ctx);
    expect(after.ok ? 'copied' : after.error.code).toBe('not_found');
    await other.services.dispose();
  });
});
