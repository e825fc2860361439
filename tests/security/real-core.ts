/**
 * The real core for the fuzz: createHandlerTable(createCoreServices) behind createDispatch,
 * over a real sandbox (HTTP), conf stores in a temp data dir, the real Secret Service when one
 * is reachable (else an in-memory store at the keychain port only, said out loud), and a
 * memory clipboard (the OS clipboard is an Electron port). It holds a real connection and a
 * real token whose value is in the keychain, so a leak would have something to leak.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../common/contract';
import { createDispatch } from '../../main/core/dispatch';
import type { Dispatch, HandlerContext } from '../../main/core/dispatch';
import { createHandlerTable } from '../../main/core/handlers';
import { createCoreServices } from '../../main/core/services';
import type { CoreServices } from '../../main/core/services';
import { createConfStore } from '../../main/core/store';
import { createKeytarSecretStore } from '../../main/core/vault';
import type { SecretStore } from '../../main/core/vault';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { MemorySecretStore } from '../unit/core/fakes';

/** 1×1 transparent PNG: a logo the handlers accept, so the base input passes them too. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export interface RealCore {
  dispatch: Dispatch;
  ctx: HandlerContext;
  /** Every event pushed during the run (searched for values too). */
  events: unknown[];
  keychain: string;
  dataDir: string;
  tokenId: string;
  /** The active connection: token, value and audit calls name it. */
  connectionId: string;
  tokenValue: string;
  adminToken: string;
  real(channel: string): Record<string, unknown>;
  /** Settings and cache files and keychain accounts, to prove malformed input changed nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

async function secretStore(): Promise<{ store: SecretStore; keychain: string }> {
  const store = createKeytarSecretStore(`token-desk-fuzz-${randomBytes(6).toString('hex')}`);
  try {
    await store.set('probe', 'probe');
    await store.delete('probe');
    return { store, keychain: 'real Secret Service' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[security] no usable Secret Service (${reason}); the fuzz uses an in-memory store at the keychain port only`);
    return { store: new MemorySecretStore(), keychain: 'in-memory (no Secret Service here)' };
  }
}

export async function startRealCore(): Promise<RealCore> {
  const sandbox: RunningSandbox = await startSandbox({});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-fuzz-'));
  const { store, keychain } = await secretStore();
  const clipboard = { text: '', writeText: (t: string) => void (clipboard.text = t), readText: () => clipboard.text };
  const services: CoreServices = createCoreServices({
    settingsStore: await createConfStore({ cwd: dataDir, configName: 'settings' }),
    cacheStore: await createConfStore({ cwd: dataDir, configName: 'cache', onCorrupt: 'move-aside' }),
    secretStore: store,
    clipboard,
    clientOptions: { timeoutMs: 5_000, retry: { maxAttempts: 1 } },
  });
  const dispatch = createDispatch(createHandlerTable(services));
  const events: unknown[] = [];
  const ctx: HandlerContext = { host: 'browser', emit: (event, payload) => void events.push({ event, payload }) };
  const call = async (channel: Channel, input: unknown) => {
    const result = await dispatch(channel, input, ctx);
    if (!result.ok) throw new Error(`fuzz setup: ${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };

  const admin = sandbox.accounts[0]!;
  const profile = await call('connections.add', { name: 'Fuzz', baseUrl: sandbox.url, token: admin.adminToken });
  const connectionId = profile.id as string;
  const modules = (await call('tokens.modules', { connectionId })).modules as { id: string }[];
  const moduleId = modules[0]!.id;
  const created = await call('tokens.create', { name: 'Fuzz token', description: '', moduleIds: [moduleId], connectionId });
  const token = created.token as { id: string };
  if (created.stored !== true) throw new Error('fuzz setup: the keychain did not store the new value');

  const connectionChannel = (channel: string) => channel.startsWith('connections.');
  return {
    dispatch,
    ctx,
    events,
    keychain,
    dataDir,
    tokenId: token.id,
    connectionId,
    tokenValue: created.value as string,
    adminToken: admin.adminToken,
    real: (channel) => ({
      id: connectionChannel(channel) ? profile.id : token.id,
      oldId: token.id,
      connectionId,
      newId: token.id,
      baseUrl: sandbox.url,
      token: admin.adminToken,
      value: created.value,
      moduleIds: [moduleId],
      icon: { fileName: 'logo.png', mimeType: 'image/png', dataBase64: TINY_PNG },
    }),
    async snapshot() {
      // The token list is written after idle: settle that write first, or it lands mid-fuzz.
      await services.cache.flush();
      const files = fs.readdirSync(dataDir).sort();
      const contents = files.map((f) => `${f}:${fs.statSync(path.join(dataDir, f)).isFile() ? fs.readFileSync(path.join(dataDir, f), 'utf8') : 'dir'}`);
      return JSON.stringify({ contents, accounts: (await store.list()).sort() });
    },
    async close() {
      await services.dispose();
      for (const account of await store.list().catch(() => [])) await store.delete(account).catch(() => undefined);
      await sandbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
