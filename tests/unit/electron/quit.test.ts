/**
 * Quit clears the clipboard first and waits for the services, through the real entry
 * (main/index.ts, real core, the in-process sandbox) on the fake `electron` module: copy a
 * value, leave the token list's write pending, quit — the clipboard is clear, and the list on
 * disk, before the app quits for real. Also Windows' session-end and the Linux/macOS shutdown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';
import type { FakeElectron } from './fake-electron';

let fake: FakeElectron;
let userData: string;

vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown>) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name as string });
    }
  }
  return { default: ElectronStoreStandIn };
});
// A keychain in memory, so nothing reaches the real one (the sandbox keeps its own secrets in memory anyway).
vi.mock('../../../main/core/secret-store-keytar', async (importOriginal) => {
  const { MemorySecretStore } = await import('../core/fakes');
  return { ...(await importOriginal<object>()), createKeytarSecretStore: () => new MemorySecretStore() };
});
vi.mock('../../../main/tray', () => ({ createTray: () => ({ tray: {}, update: () => undefined }), showTrayNotice: () => undefined }));

const page = { senderFrame: { url: 'app://token-desk/index.html', parent: null }, sender: { send: () => undefined, isDestroyed: () => false } };

async function call(channel: string, input: unknown = {}): Promise<any> {
  const handler = fake.ipcMain.handlers.get(`desk:${channel}`);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const result = (await handler(page, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Starts the app, connects to the sandbox, creates a token and copies its value. */
async function startAndCopy(): Promise<{ value: string }> {
  await import('../../../main/index');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0), { timeout: 5_000 });
  return startAndCopyAgain();
}

async function startAndCopyAgain(): Promise<{ value: string }> {
  // Token and value calls name the connection the page shows: the sandbox's.
  const { id: connectionId } = await call('sandbox.start');
  // The list is loaded first, as the page does, so the create below changes a cached list.
  await call('tokens.sync', { connectionId });
  const modules = await call('tokens.modules', { connectionId });
  const moduleId = (modules.modules ?? modules)[0].id as string;
  const created = await call('tokens.create', { name: 'Quit test', description: '', moduleIds: [moduleId], connectionId });
  // The create changed the list: its write waits for a quiet moment, so it is still pending here.
  await call('values.copy', { id: created.token.id, connectionId });
  expect(fake.clipboardState.text).toBe(created.value);
  return { value: created.value as string };
}

/** Fires before-quit as Electron does; returns whether the listener held the quit. */
function beforeQuit(): boolean {
  let prevented = false;
  fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
  return prevented;
}

/** Whether a token list file on disk names the token (the list files are `tokens-<connection>.json`). */
const listOnDiskNames = (name: string) =>
  fs
    .readdirSync(userData)
    .filter((f) => /^tokens-.*\.json$/.test(f))
    .some((f) => fs.readFileSync(path.join(userData, f), 'utf8').includes(name));

beforeEach(() => {
  fake = createFakeElectron();
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-quit-'));
  fake.app.paths.userData = userData;
  fake.app.whenReady = vi.fn(() => Promise.resolve());
  FakeBrowserWindow.instances = [];
  vi.resetModules();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(userData, { recursive: true, force: true });
});

describe('quit', { timeout: 20_000 }, () => {
  it('holds the quit, clears the copied value first, writes the pending list, then quits', async () => {
    await startAndCopy();
    expect(listOnDiskNames('Quit test')).toBe(false);
    let clearedAtQuit: boolean | undefined;
    let listWrittenAtQuit: boolean | undefined;
    fake.app.quit.mockImplementation(() => {
      clearedAtQuit = fake.clipboardState.text === '';
      listWrittenAtQuit = listOnDiskNames('Quit test');
    });

    expect(beforeQuit()).toBe(true);
    // The compare was issued before anything else was awaited.
    expect(fake.clipboard.readText).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    expect(clearedAtQuit).toBe(true);
    expect(listWrittenAtQuit).toBe(true);
    expect(fake.clipboard.clear).toHaveBeenCalledTimes(1);

    // The second pass (from that quit) lets Electron go on.
    expect(beforeQuit()).toBe(false);
  });

  it('"never clear" still clears at quit', async () => {
    await import('../../../main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0), { timeout: 5_000 });
    await call('settings.set', { clipboardClearMs: 0 });
    const { value } = await startAndCopyAgain();
    expect(fake.clipboardState.text).toBe(value);
    expect(beforeQuit()).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    expect(fake.clipboardState.text).toBe('');
  });

  it('leaves the user’s own later copy alone', async () => {
    await startAndCopy();
    fake.clipboardState.text = 'my own note';
    expect(beforeQuit()).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    expect(fake.clipboardState.text).toBe('my own note');
    expect(fake.clipboard.clear).not.toHaveBeenCalled();
  });

  it('Windows session-end (no before-quit follows): clears and quits', async () => {
    await startAndCopy();
    FakeBrowserWindow.instances[0]!.emit('session-end', { reasons: ['logoff'] });
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    expect(fake.clipboardState.text).toBe('');
  });

  it('Linux/macOS shutdown: delays it and quits through the same path', async () => {
    await startAndCopy();
    let prevented = false;
    fake.app.quit.mockImplementation(() => void beforeQuit());
    fake.powerMonitor.emit('shutdown', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.clipboardState.text).toBe(''));
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(2));
  });
});
