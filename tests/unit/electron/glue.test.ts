import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';
import type { FakeElectron } from './fake-electron';

let fake: FakeElectron;
// The factory runs once; getters let every test swap in a fresh fake.
vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));

beforeEach(() => {
  fake = createFakeElectron();
  FakeBrowserWindow.instances = [];
  vi.resetModules();
});

describe('main window', () => {
  it('isolates and sandboxes the renderer', async () => {
    const { mainWindowOptions } = await import('../../../main/window');
    const prefs = mainWindowOptions('/x/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/x/preload.cjs' });
  });

  it("paints the window in the OS theme's page colour before the page loads", async () => {
    const { mainWindowOptions } = await import('../../../main/window');
    expect(mainWindowOptions('/x/preload.cjs').backgroundColor).toBe('#f6f7f9');
    fake.nativeTheme.shouldUseDarkColors = true;
    expect(mainWindowOptions('/x/preload.cjs').backgroundColor).toBe('#14171d');
  });

  it('loads the app origin, denies permissions (but plain clipboard writes), navigation away and new windows', async () => {
    const { createMainWindow, RENDERER_URL } = await import('../../../main/window');
    createMainWindow('/x/preload.cjs');
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadedUrl).toBe(RENDERER_URL);
    expect(RENDERER_URL.startsWith('app://token-desk/')).toBe(true);

    const answers: boolean[] = [];
    win.webContents.session.permissionRequestHandler!(win.webContents, 'media', (ok) => answers.push(ok));
    win.webContents.session.permissionRequestHandler!(win.webContents, 'notifications', (ok) => answers.push(ok));
    win.webContents.session.permissionRequestHandler!(win.webContents, 'clipboard-read', (ok) => answers.push(ok));
    win.webContents.session.permissionRequestHandler!(win.webContents, 'clipboard-sanitized-write', (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, true]);
    expect(win.webContents.session.permissionCheckHandler!(win.webContents, 'geolocation')).toBe(false);
    expect(win.webContents.session.permissionCheckHandler!(win.webContents, 'clipboard-sanitized-write')).toBe(true);

    expect(win.webContents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.fire('will-navigate', 'app://token-desk/index.html')).toBe(false);
    expect(win.webContents.fire('will-attach-webview')).toBe(true);
  });

  it('opens only allow-listed https links in the system browser, never in a window', async () => {
    const { createMainWindow } = await import('../../../main/window');
    createMainWindow('/x/preload.cjs');
    const open = FakeBrowserWindow.instances[0]!.webContents.windowOpenHandler!;
    expect(open({ url: 'https://docs.platform.softwareone.com/developer-resources' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://docs.platform.softwareone.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://user:pw@docs.platform.softwareone.com/' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://docs.platform.softwareone.com/developer-resources');
  });
});

describe('ipc binding', () => {
  const trusted = { senderFrame: { url: 'app://token-desk/index.html', parent: null }, sender: { send: vi.fn(), isDestroyed: () => false } };

  it('registers one handler per contract channel and dispatches calls from the app page', async () => {
    const { bindIpc } = await import('../../../main/ipc');
    const { CHANNEL_NAMES: channels } = await import('../../../common/channel-names');
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 42 }));
    bindIpc(fake.ipcMain as never, dispatch);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(channels.map((c) => `desk:${c}`).sort());
    const result = await fake.ipcMain.handlers.get('desk:app.info')!(trusted, {});
    expect(result).toEqual({ ok: true, value: 42 });
    expect(dispatch).toHaveBeenCalledWith('app.info', {}, expect.objectContaining({ host: 'electron' }));
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['a sub-frame of the app', { url: 'app://token-desk/index.html', parent: {} }],
    ['no frame', null],
  ])('refuses calls from %s without dispatching', async (_name, senderFrame) => {
    const { bindIpc } = await import('../../../main/ipc');
    const dispatch = vi.fn();
    bindIpc(fake.ipcMain as never, dispatch);
    const result = await fake.ipcMain.handlers.get('desk:app.info')!({ ...trusted, senderFrame }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('tells dispatch which window called: the Quick Access window by its WebContents, never by the page URL', async () => {
    const { bindIpc } = await import('../../../main/ipc');
    const { createQuickAccessOpener } = await import('../../../main/quick-access-window');
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }));
    bindIpc(fake.ipcMain as never, dispatch);
    createQuickAccessOpener('/preload.cjs').open();
    const quickContents = fake.BrowserWindow.instances.at(-1)!.webContents;
    const call = (sender: unknown, url: string) => fake.ipcMain.handlers.get('desk:values.copy')!({ senderFrame: { url, parent: null }, sender }, {});
    await call(quickContents, 'app://token-desk/index.html?view=quick');
    // The main window pretending to be the quick view (its own pushState) is still the main window.
    await call(trusted.sender, 'app://token-desk/index.html?view=quick');
    expect(dispatch.mock.calls.map((c) => (c as unknown[])[2] as { window?: string }).map((ctx) => ctx.window)).toEqual(['quick', 'main']);
  });

  it('pushes events to the calling page on the event channel', async () => {
    const { bindIpc } = await import('../../../main/ipc');
    const send = vi.fn();
    bindIpc(fake.ipcMain as never, async (_c, _i, ctx) => {
      ctx.emit('app.notice', { level: 'info', message: 'hello' });
      return { ok: true, value: null };
    });
    await fake.ipcMain.handlers.get('desk:app.info')!({ ...trusted, sender: { send, isDestroyed: () => false } }, {});
    expect(send).toHaveBeenCalledWith('desk:event', { event: 'app.notice', payload: { level: 'info', message: 'hello' } });
  });
});

describe('single instance', () => {
  it('quits when another instance holds the lock', async () => {
    fake.app.gotLock = false;
    await import('../../../main/index');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
  });

  it('keeps running with the lock and focuses the window on a second launch', async () => {
    await import('../../../main/index');
    expect(fake.app.quit).not.toHaveBeenCalled();
    expect(fake.app.listenerCount('second-instance')).toBe(1);
    const { focusWindow } = await import('../../../main/window');
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    focusWindow(win as never);
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('renderer protocol', () => {
  it('serves files with a CSP that forbids network access, and refuses path traversal', async () => {
    const { serveRenderer } = await import('../../../main/protocol');
    fake.net.fetch.mockImplementation(async () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    serveRenderer('/opt/td/renderer');
    const handler = fake.protocol.handle.mock.calls[0]![1] as (req: Request) => Promise<Response>;
    const ok = await handler(new Request('app://token-desk/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(fake.net.fetch).toHaveBeenCalledWith('file:///opt/td/renderer/index.html');
    const escape = await handler(new Request('app://token-desk/..%2f..%2fetc%2fpasswd'));
    expect(escape.status).toBe(404);
    const otherHost = await handler(new Request('app://elsewhere/index.html'));
    expect(otherHost.status).toBe(404);
  });
});

describe('tray menu', () => {
  // Each connection's stored values are in its own submenu.
  it('lists quick-copy entries and wires their clicks', async () => {
    const { trayMenuModel } = await import('../../../main/tray');
    const actions = { open: vi.fn(), quickAccess: vi.fn(), settings: vi.fn(), leaks: vi.fn(), attention: vi.fn(), copy: vi.fn(), openToken: vi.fn(), quit: vi.fn() };
    const empty = trayMenuModel({ shortcut: '', list: { groups: [], recent: [] } }, actions);
    expect(empty.map((i) => i.label)).toContain('No stored token values yet');
    const group = { connectionId: 'c1', connectionName: 'Prod', accountType: 'Client' as const, environment: 'api.example.com', active: true, tokens: [{ id: 'TKN-1111-2222', name: 'CI pipeline', status: 'Active' as const }] };
    const menu = trayMenuModel({ shortcut: '', list: { groups: [group], recent: [] } }, actions);
    const submenu = menu.find((i) => i.label === 'Prod · Client · api.example.com')!.submenu as { label: string; click: () => void }[];
    const item = submenu.find((i) => i.label === 'Copy CI pipeline')!;
    (item.click as () => void)();
    expect(actions.copy).toHaveBeenCalledWith('c1', 'TKN-1111-2222');
  });

  it('opens the leak check', async () => {
    const { trayMenuModel } = await import('../../../main/tray');
    const actions = { open: vi.fn(), quickAccess: vi.fn(), settings: vi.fn(), leaks: vi.fn(), attention: vi.fn(), copy: vi.fn(), openToken: vi.fn(), quit: vi.fn() };
    const item = trayMenuModel({ shortcut: '', list: { groups: [], recent: [] } }, actions).find((i) => i.label === 'Check for leaked tokens…')!;
    (item.click as () => void)();
    expect(actions.leaks).toHaveBeenCalledOnce();
  });
});
