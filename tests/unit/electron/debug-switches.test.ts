/**
 * The debug door: the installed app started with a debugger switch exits before the
 * single-instance lock, any store, the keychain or a window; `npm start` keeps the switches and
 * DevTools. Tested through the real entry (main/index.ts) on the fake `electron` module.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';
import type { FakeElectron } from './fake-electron';
import { debugSwitchOf } from '../../../main/debug-switches';

let fake: FakeElectron;
vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));
const keychain = vi.hoisted(() => ({ opened: 0 }));
vi.mock('keytar', () => {
  keychain.opened++;
  return { default: {} };
});

const argv = process.argv;
beforeEach(() => {
  fake = createFakeElectron();
  FakeBrowserWindow.instances = [];
  vi.resetModules();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
});

const view = (args: string[], platform: NodeJS.Platform = 'linux', switches: string[] = []) => ({
  argv: ['/opt/Token Desk/token-desk', ...args],
  platform,
  hasSwitch: (name: string) => switches.includes(name),
});

describe('debugSwitchOf', () => {
  it.each([
    [['--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--remote-debugging-port', '9222'], 'remote-debugging-port'],
    [['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['-remote-debugging-port=0'], 'remote-debugging-port'],
    [['--inspect'], 'inspect'],
    [['--inspect=127.0.0.1:9229'], 'inspect'],
    [['--inspect-brk=9229'], 'inspect-brk'],
    [['--inspect-port=0'], 'inspect-port'],
    [['--js-flags=--allow-natives-syntax'], 'js-flags'],
    [['app://token-desk', '--no-sandbox', '--js-flags=--expose-gc'], 'js-flags'],
  ])('%j is a debug switch (%s)', (args, name) => {
    expect(debugSwitchOf(view(args))).toBe(name);
  });

  it('Windows reads /switch and any case, as Chromium does there', () => {
    expect(debugSwitchOf(view(['/remote-debugging-port=9222'], 'win32'))).toBe('remote-debugging-port');
    expect(debugSwitchOf(view(['--Remote-Debugging-Port=9222'], 'win32'))).toBe('remote-debugging-port');
    expect(debugSwitchOf(view(['/remote-debugging-port=9222'], 'linux'))).toBeUndefined();
  });

  it('a switch only Chromium saw counts too', () => {
    expect(debugSwitchOf(view([], 'darwin', ['remote-debugging-port']))).toBe('remote-debugging-port');
  });

  it.each([[[]], [['--no-sandbox']], [['--inspector-theme']], [['--', '--inspect']], [['remote-debugging-port']], [['--enable-logging']]])('%j is not', (args) => {
    expect(debugSwitchOf(view(args))).toBeUndefined();
  });
});

describe('the installed app started with a debug switch', () => {
  it.each(['--remote-debugging-port=9222', '--remote-debugging-pipe', '--inspect-brk', '--js-flags=--expose-gc'])('%s: exits with 1 before the lock, the stores, the keychain and any window', async (flag) => {
    fake.app.isPackaged = true;
    fake.app.whenReady = vi.fn(() => Promise.resolve());
    process.argv = ['/opt/Token Desk/token-desk', flag];
    const opened = keychain.opened;
    await import('../../../main/index');
    await new Promise((r) => setTimeout(r, 20));

    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.app.getPath).not.toHaveBeenCalled();
    expect(keychain.opened).toBe(opened);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('refusing to start with --'));
  });

  it('unpackaged (npm start) the same switch starts the app', async () => {
    process.argv = ['/x/electron', '.', '--remote-debugging-port=9222'];
    await import('../../../main/index');
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('the installed app without a debug switch starts', async () => {
    fake.app.isPackaged = true;
    process.argv = ['/opt/Token Desk/token-desk', '--no-sandbox'];
    await import('../../../main/index');
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
  });
});

describe('DevTools', () => {
  it('only in unpackaged builds, for the main and the Quick Access window', async () => {
    const { mainWindowOptions } = await import('../../../main/window');
    const { quickWindowOptions } = await import('../../../main/quick-access-window');
    expect(mainWindowOptions('/p').webPreferences?.devTools).toBe(true);
    fake.app.isPackaged = true;
    expect(mainWindowOptions('/p').webPreferences?.devTools).toBe(false);
    expect(quickWindowOptions('/p').webPreferences?.devTools).toBe(false);
  });
});
