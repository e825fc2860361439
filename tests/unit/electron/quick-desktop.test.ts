/** The desktop glue against the fake electron: tray menu model, global shortcut, app menu, Quick Access window, close to tray. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { QuickList } from '../../../common/quick-access';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';
import type { FakeElectron } from './fake-electron';

let fake: FakeElectron;
vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));

beforeEach(() => {
  fake = createFakeElectron();
  FakeBrowserWindow.instances = [];
  vi.resetModules();
});

const actions = () => ({ open: vi.fn(), quickAccess: vi.fn(), settings: vi.fn(), leaks: vi.fn(), attention: vi.fn(), copy: vi.fn(), openToken: vi.fn(), quit: vi.fn() });
const list: QuickList = {
  groups: [
    { connectionId: 'prod', connectionName: 'Production', accountType: 'Client', environment: 'api.platform.softwareone.com', active: true, tokens: [
      { id: 'TKN-0000-0001', name: 'CI', status: 'Active' },
      { id: 'TKN-0000-0002', name: 'Old job', status: 'Disabled' },
    ] },
    { connectionId: 'sbx', connectionName: 'Try it', accountType: 'Vendor', environment: 'Sandbox', active: false, tokens: [{ id: 'TKN-0000-0003', name: 'Demo', status: 'Active' }] },
  ],
  recent: [
    { connectionId: 'sbx', tokenId: 'TKN-0000-0003', tokenName: 'Demo' },
    { connectionId: 'gone', tokenId: 'TKN-0000-0009', tokenName: 'Removed' },
    { connectionId: 'prod', tokenId: 'TKN-0000-0001', tokenName: 'CI' },
  ],
};
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('tray menu model', () => {
  it('Quick Access with its shortcut, recent copies still stored, one submenu per connection', async () => {
    const { trayMenuModel } = await import('../../../main/tray');
    const a = actions();
    const menu = trayMenuModel({ shortcut: 'CommandOrControl+Shift+Space', list }, a);
    expect(labels(menu)).toEqual([
      'Open Token Desk',
      'Quick Access…',
      'Recently copied',
      'Copy Demo (Try it)',
      'Copy CI (Production)',
      'Production · Client · api.platform.softwareone.com',
      'Try it · Vendor · Sandbox',
      'What needs attention',
      'Check for leaked tokens…',
      'Settings…',
      'Quit Token Desk',
    ]);
    const quick = menu.find((i) => i.label === 'Quick Access…')!;
    expect(quick).toMatchObject({ accelerator: 'CommandOrControl+Shift+Space', registerAccelerator: false });
    (quick.click as () => void)();
    expect(a.quickAccess).toHaveBeenCalled();
    (menu.find((i) => i.label === 'Copy Demo (Try it)')!.click as () => void)();
    expect(a.copy).toHaveBeenCalledWith('sbx', 'TKN-0000-0003');
    (menu.find((i) => i.label === 'What needs attention')!.click as () => void)();
    expect(a.attention).toHaveBeenCalled();
    const prod = menu.find((i) => i.label?.startsWith('Production'))!.submenu as MenuItemConstructorOptions[];
    expect(labels(prod)).toEqual(['Copy CI', 'Copy Old job (Disabled)', 'Open details']);
  });

  it("each connection's submenu opens a token's details, naming the connection and the token", async () => {
    const { trayMenuModel } = await import('../../../main/tray');
    const a = actions();
    const menu = trayMenuModel({ shortcut: '', list }, a);
    const sandbox = menu.find((i) => i.label?.startsWith('Try it'))!.submenu as MenuItemConstructorOptions[];
    const details = sandbox.find((i) => i.label === 'Open details')!.submenu as MenuItemConstructorOptions[];
    expect(labels(details)).toEqual(['Demo']);
    (details[0]!.click as () => void)();
    expect(a.openToken).toHaveBeenCalledWith('sbx', 'TKN-0000-0003');
    expect(a.copy).not.toHaveBeenCalled();
  });

  it('at most five recent items; no shortcut → no accelerator; nothing stored → says so', async () => {
    const { trayMenuModel } = await import('../../../main/tray');
    const many: QuickList = {
      groups: [{ ...list.groups[0]!, tokens: Array.from({ length: 8 }, (_, i) => ({ id: `TKN-0000-000${i}`, name: `t${i}`, status: 'Active' as const })) }],
      recent: Array.from({ length: 8 }, (_, i) => ({ connectionId: 'prod', tokenId: `TKN-0000-000${i}`, tokenName: `t${i}` })),
    };
    const menu = trayMenuModel({ shortcut: '', list: many }, actions());
    expect(labels(menu).filter((l) => l?.startsWith('Copy '))).toHaveLength(5);
    expect(menu.find((i) => i.label === 'Quick Access…')!.accelerator).toBeUndefined();
    expect(labels(trayMenuModel({ shortcut: '', list: { groups: [], recent: [] } }, actions()))).toEqual(['Open Token Desk', 'Quick Access…', 'No stored token values yet', 'What needs attention', 'Check for leaked tokens…', 'Settings…', 'Quit Token Desk']);
  });
});

describe("opening a token's details in the main window (tray and Quick Access)", () => {
  const sentCommands = (window: FakeBrowserWindow) => window.webContents.sent.map((m) => (m.args[0] as { event: string; payload: unknown }));

  it('the main window hears an openToken command with the connection and the token', async () => {
    const { openTokenIn } = await import('../../../main/desktop-integration');
    const window = new FakeBrowserWindow({});
    openTokenIn(window as never, { connectionId: 'sbx', tokenId: 'TKN-0000-0003' });
    expect(sentCommands(window)).toEqual([{ event: 'app.command', payload: { command: 'openToken', connectionId: 'sbx', tokenId: 'TKN-0000-0003' } }]);
  });

  it('a window still loading hears it once loaded, not before (the page could not catch it)', async () => {
    const { openTokenIn } = await import('../../../main/desktop-integration');
    const window = new FakeBrowserWindow({});
    window.webContents.loading = true;
    openTokenIn(window as never, { connectionId: 'prod', tokenId: 'TKN-0000-0001' });
    expect(window.webContents.sent).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(sentCommands(window)).toEqual([{ event: 'app.command', payload: { command: 'openToken', connectionId: 'prod', tokenId: 'TKN-0000-0001' } }]);
  });

  it('a click on the digest asks the main window for the Overview, once it has loaded', async () => {
    const { openOverviewIn } = await import('../../../main/desktop-integration');
    const window = new FakeBrowserWindow({});
    window.webContents.loading = true;
    openOverviewIn(window as never);
    expect(window.webContents.sent).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(sentCommands(window)).toEqual([{ event: 'app.command', payload: { command: 'overview' } }]);
  });

  it("Quick Access's quick.open reaches the main window through the host's port; a removed connection is refused", async () => {
    const { openTokenIn } = await import('../../../main/desktop-integration');
    const { createDispatch } = await import('../../../main/core/dispatch');
    const { createHandlerTable } = await import('../../../main/core/handlers');
    const { createCoreServices } = await import('../../../main/core/services');
    const { MemorySecretStore, MemoryStore, testProfile } = await import('../core/fakes');
    const settings = new MemoryStore();
    settings.set('connections', [testProfile({ id: 'prod', name: 'Production' }), testProfile({ id: 'sbx', name: 'Try it' })]);
    settings.set('activeConnectionId', 'prod');
    const main = new FakeBrowserWindow({});
    const services = createCoreServices({
      settingsStore: settings,
      cacheStore: new MemoryStore(),
      secretStore: new MemorySecretStore(),
      clipboard: { writeText: () => undefined, readText: () => '' },
      openToken: (ref) => openTokenIn(main as never, ref),
    });
    const dispatch = createDispatch(createHandlerTable(services));
    const ctx = { host: 'electron' as const, window: 'quick' as const, emit: () => undefined };
    // Another connection than the active one: the page switches, main does not refuse it.
    expect(await dispatch('quick.open', { connectionId: 'sbx', id: 'TKN-0000-0003' }, ctx)).toEqual({ ok: true, value: { ok: true } });
    expect(sentCommands(main)).toEqual([{ event: 'app.command', payload: { command: 'openToken', connectionId: 'sbx', tokenId: 'TKN-0000-0003' } }]);
    const gone = await dispatch('quick.open', { connectionId: 'removed', id: 'TKN-0000-0003' }, ctx);
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await dispatch('quick.open', { connectionId: 'sbx', id: 'not a token' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(sentCommands(main)).toHaveLength(1);
    // A host without a main window of its own (the browser host) says so instead of pretending.
    const browserHost = createDispatch(createHandlerTable(createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: new MemorySecretStore(), clipboard: { writeText: () => undefined, readText: () => '' } })));
    expect(await browserHost('quick.open', { connectionId: 'sbx', id: 'TKN-0000-0003' }, { host: 'browser', emit: () => undefined })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('global shortcut', () => {
  it('registers, re-registers on change (releasing the old one), and reports a taken accelerator', async () => {
    const { createQuickShortcut } = await import('../../../main/shortcut');
    const open = vi.fn();
    const shortcut = createQuickShortcut(open);
    expect(shortcut.apply('CommandOrControl+Shift+Space')).toEqual({ registered: true });
    fake.shortcutState.registered.get('CommandOrControl+Shift+Space')!();
    expect(open).toHaveBeenCalledTimes(1);

    fake.shortcutState.taken.add('Alt+Space');
    const failed = shortcut.apply('Alt+Space');
    expect(failed.registered).toBe(false);
    expect(failed.message).toMatch(/Alt\+Space could not be registered: another app may be using it.*Wayland/);
    expect(fake.globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Shift+Space');
    expect([...fake.shortcutState.registered.keys()]).toEqual([]);

    expect(shortcut.apply('').registered).toBe(false);
    expect(shortcut.apply('Control+Alt+K')).toEqual({ registered: true });
    shortcut.dispose();
    expect([...fake.shortcutState.registered.keys()]).toEqual([]);
  });

  it('an accelerator Electron throws on is a failure, not a crash', async () => {
    const { createQuickShortcut } = await import('../../../main/shortcut');
    fake.globalShortcut.register.mockImplementationOnce(() => {
      throw new Error('bad accelerator');
    });
    expect(createQuickShortcut(vi.fn()).apply('Control+Nope').registered).toBe(false);
  });
});

describe('application menu', () => {
  it('standard roles plus search, add token and settings with their shortcuts', async () => {
    const { appMenuTemplate } = await import('../../../main/app-menu');
    const a = { command: vi.fn(), quickAccess: vi.fn() };
    const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const items = flat(appMenuTemplate(platform, a, 'CommandOrControl+Shift+Space'));
      const byLabel = (label: string) => items.find((i) => i.label?.replace('…', '') === label)!;
      expect(byLabel('Find token').accelerator).toBe('CommandOrControl+F');
      expect(byLabel('Add token').accelerator).toBe('CommandOrControl+N');
      expect(byLabel('Settings').accelerator).toBe('CommandOrControl+,');
      expect(items.map((i) => i.role).filter(Boolean)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu']));
      (byLabel('Find token').click as () => void)();
      expect(a.command).toHaveBeenLastCalledWith('search');
    }
    expect(appMenuTemplate('darwin', a, '')[0]!.role).toBe('appMenu');
  });
});

describe('Quick Access window and close to tray', () => {
  it('a small frameless, locked-down window on the quick view; opening twice focuses the one window', async () => {
    const { createQuickAccessOpener, QUICK_ACCESS_URL } = await import('../../../main/quick-access-window');
    const opener = createQuickAccessOpener('/x/preload.cjs');
    opener.open();
    opener.open();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, webPreferences: { contextIsolation: true, sandbox: true, preload: '/x/preload.cjs' } });
    expect(win.loadedUrl).toBe(QUICK_ACCESS_URL);
    expect(QUICK_ACCESS_URL).toMatch(/^app:\/\/token-desk\/index\.html\?view=quick$/);
    expect(win.calls).toContain('focus');
    let checked: boolean | undefined;
    win.webContents.session.permissionRequestHandler!(win.webContents, 'media', (ok) => (checked = ok));
    expect(checked).toBe(false);
  });

  it('closing hides to the tray and explains it once; with the setting off it quits', async () => {
    const { keepInTrayOnClose } = await import('../../../main/window');
    const win = new FakeBrowserWindow({});
    let enabled = true;
    let explained = false;
    keepInTrayOnClose(win as never, { enabled: () => enabled, explained: () => explained, markExplained: () => void (explained = true) });
    const close = () => {
      let prevented = false;
      win.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(close()).toBe(true);
    expect(close()).toBe(true);
    expect(win.calls.filter((c) => c === 'hide')).toHaveLength(2);
    expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect((fake.dialog.showMessageBox.mock.calls[0] as unknown[])[0]).toMatchObject({ message: 'Token Desk keeps running in the tray' });
    enabled = false;
    expect(close()).toBe(false);
    if (process.platform !== 'darwin') expect(fake.app.quit).toHaveBeenCalled();
  });
});
