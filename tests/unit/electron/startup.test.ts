/**
 * The desktop app's start-up against the fake `electron` module: a damaged settings file does
 * not stop it (the file is moved aside, the window opens, no error box), and any start-up
 * failure shows Electron's error box with the reason and exits, instead of leaving a
 * windowless process behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';
import type { FakeElectron } from './fake-electron';

let fake: FakeElectron;
let userData: string;
const storeFailure = vi.hoisted(() => ({ error: undefined as Error | undefined }));

vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));
// electron-store needs the real `electron`; it is replaced by conf with the same options (as in store-electron.test.ts).
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown>) {
      if (storeFailure.error) throw storeFailure.error;
      const { name, ...rest } = options;
      super({ ...rest, configName: name as string });
    }
  }
  return { default: ElectronStoreStandIn };
});
// The tray is tested in glue.test.ts; here it only has to exist.
vi.mock('../../../main/tray', () => ({ createTray: () => ({ tray: {}, update: () => undefined }), showTrayNotice: () => undefined }));

beforeEach(() => {
  fake = createFakeElectron();
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-startup-'));
  fake.app.paths.userData = userData;
  fake.app.whenReady = vi.fn(() => Promise.resolve());
  FakeBrowserWindow.instances = [];
  storeFailure.error = undefined;
  vi.resetModules();
});
afterEach(() => fs.rmSync(userData, { recursive: true, force: true }));

/** Imports main/index.ts (which starts the app) and waits until start-up has settled. */
async function start(): Promise<void> {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../../main/index');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length + fake.dialog.showErrorBox.mock.calls.length).toBeGreaterThan(0), { timeout: 5_000 });
}

describe('desktop start-up', () => {
  it('a damaged settings file: moved aside with a timestamp, the window opens, no error box', async () => {
    fs.writeFileSync(path.join(userData, 'settings.json'), '{"connections": [ {"id": "trunc');
    fs.writeFileSync(path.join(userData, 'cache.json'), Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    await start();

    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const files = fs.readdirSync(userData).sort();
    expect(files.filter((f) => /^settings\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^cache\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/.test(f))).toHaveLength(1);
    const copy = files.find((f) => f.startsWith('settings.corrupt-'))!;
    expect(fs.readFileSync(path.join(userData, copy), 'utf8')).toBe('{"connections": [ {"id": "trunc');
  });

  it('a start-up failure shows the reason in an error box and exits with 1', async () => {
    storeFailure.error = Object.assign(new Error(`EACCES: permission denied, open '${userData}/settings.json'`), { code: 'EACCES' });
    await start();

    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, text] = fake.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('Token Desk could not start');
    expect(text).toContain('EACCES: permission denied');
    expect(text).toContain(`Token Desk keeps its files in ${userData}`);
    expect(text).toContain('No file was deleted');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('the error box never shows a token value, even when the error carries one', async () => {
    const value = `idt:TKN-1234-5678:${'Zx9'.repeat(20)}`;
    storeFailure.error = new Error(`Unexpected token in ${value}`);
    await start();
    const [, text] = fake.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(text).not.toContain(value);
    expect(text).toContain('[redacted token value]');
  });

  it('a failure before ready (synchronous) is shown too', async () => {
    fake.app.requestSingleInstanceLock = vi.fn(() => {
      throw new Error('The single-instance lock is broken');
    });
    await start();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Token Desk could not start', expect.stringContaining('The single-instance lock is broken'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });
});
