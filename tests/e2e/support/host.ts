/**
 * One journey suite, two hosts. Specs import `test` and `expect` from here instead of
 * '@playwright/test' and get the app through the fixtures below; the Playwright project
 * decides which host serves it (playwright.config.ts):
 *   browser-host  dist/web/server.cjs as a child process + Chromium (what runs everywhere)
 *   electron      the desktop app, `_electron.launch` of dist/main/index.cjs, wherever the
 *                 Electron runtime is installed; elsewhere every test is skipped with the reason.
 * Either way each app gets a temp data folder and the keychain service `keychainService`, so a
 * developer's own settings and keychain entries are never touched (the desktop app gets
 * --user-data-dir and TOKEN_DESK_KEYCHAIN_SERVICE, which main/index.ts honours).
 *
 * Fixtures:
 *   app              a Page of a freshly started app (closed after the test)
 *   desk.open(opts)  (worker-scoped, so beforeAll hooks can use it too) start one yourself: restarts (`{ dataDir }` again), extra env (for example a
 *                    dead DBUS_SESSION_BUS_ADDRESS), a window size, clipboard access; `stop()` it
 *   desk.available   { ok } or { ok: false, reason }: for beforeAll hooks, which cannot be skipped by a fixture
 *   hostKind         'browser' | 'electron', to skip a test that only means something in one host
 *   keychainService  the service name this worker's apps use (read it with ./keychain.ts)
 * Desktop-only helpers (tray, global shortcuts) and the ones that differ per host (the clipboard,
 * the window size) take a `DeskApp`: see below.
 *
 * Switching a spec over: replace `import { expect, test } from '@playwright/test'` with
 * `import { expect, test } from './support/host'` (the one line), then let the fixtures start the
 * app: `async ({ app }) => …` where it used `startWebHostProcess()` + `browser.newPage()` +
 * `page.goto(host.url)`, or `desk.open({ dataDir, env })` where it restarts or needs env. The
 * electron project picks the spec up by that import.
 */
import { _electron } from '@playwright/test';
import type { Browser, BrowserContextOptions, ElectronApplication, Page } from '@playwright/test';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { uniqueKeychainService } from './keychain';
import { recordHostRun, recordPageStorage } from './secrets-scan';
import { makeDataDir, startWebHostProcess } from './web-host';
import { expect, test as base, watchContext, watchPage } from './page-errors';

export { expect };
export type HostKind = 'browser' | 'electron';

const root = path.resolve(__dirname, '..', '..', '..');
const mainHooks = path.join(__dirname, 'electron-main-hooks.cjs');

// Not require('electron'): that tries to download a missing runtime.
const { findElectronBinary } = createRequire(__filename)('../../../scripts/electron-binary.cjs') as {
  findElectronBinary(root?: string): { path?: string; reason?: string };
};

export interface OpenOptions {
  /** Reuse a data folder to restart the app over the same settings (default: a new temp folder). */
  dataDir?: string;
  /** Extra environment for the host process. */
  env?: NodeJS.ProcessEnv;
  /** The window's content size (browser: the viewport). */
  size?: { width: number; height: number };
  /** Browser host: grant clipboard-read/write to the page. The desktop app has its own clipboard. */
  clipboard?: boolean;
  /** Browser host: more options for the page's context (locale, timezone…). */
  context?: BrowserContextOptions;
}

export interface DeskApp {
  kind: HostKind;
  page: Page;
  /** The browser host's address, its session secret in the fragment (undefined in the desktop app). */
  url?: string;
  dataDir: string;
  /** Everything the host process printed so far. */
  output(): string;
  /** The desktop app, for electronApp.evaluate in main (undefined in the browser host). */
  electron?: ElectronApplication;
  stop(): Promise<void>;
}

export interface Desk {
  kind: HostKind;
  available: { ok: true } | { ok: false; reason: string };
  keychainService: string;
  open(options?: OpenOptions): Promise<DeskApp>;
}

function electronAvailability(): Desk['available'] {
  const binary = findElectronBinary(root);
  if (!binary.path) return { ok: false, reason: `Electron journeys skipped: ${binary.reason}` };
  if (!fs.existsSync(path.join(root, 'dist/main/index.cjs'))) return { ok: false, reason: 'Electron journeys skipped: no build in dist/ (run `npm run build`)' };
  return { ok: true };
}

async function openBrowserHost(browser: () => Promise<Browser>, service: string, options: OpenOptions): Promise<DeskApp> {
  const host = await startWebHostProcess({ dataDir: options.dataDir ?? makeDataDir(), env: { TOKEN_DESK_KEYCHAIN_SERVICE: service, ...options.env } });
  const context = await (
    await browser()
  ).newContext({
    ...options.context,
    ...(options.size ? { viewport: options.size } : {}),
    ...(options.clipboard ? { permissions: ['clipboard-read', 'clipboard-write'] } : {}),
  });
  watchContext(context);
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    kind: 'browser',
    page,
    url: host.url,
    dataDir: host.dataDir,
    output: host.output,
    stop: async () => {
      await recordPageStorage(context).catch(() => undefined); // for the run's secret scan
      await context.close().catch(() => undefined);
      await host.stop();
    },
  };
}

async function openDesktopApp(service: string, options: OpenOptions): Promise<DeskApp> {
  const dataDir = options.dataDir ?? makeDataDir();
  // A refusal, not a fallback: without this the app would use the developer's real keychain service.
  if (!fs.readFileSync(path.join(root, 'dist/main/index.cjs'), 'utf8').includes('TOKEN_DESK_KEYCHAIN_SERVICE')) {
    throw new Error('dist/main/index.cjs does not honour TOKEN_DESK_KEYCHAIN_SERVICE; refusing to run the desktop app against the real keychain');
  }
  const electron = await _electron.launch({
    executablePath: findElectronBinary(root).path!,
    args: [root, `--user-data-dir=${dataDir}`],
    cwd: root,
    env: {
      ...(process.env as Record<string, string>),
      TOKEN_DESK_KEYCHAIN_SERVICE: service,
      NODE_OPTIONS: `--require ${JSON.stringify(mainHooks)}`,
      ...(options.env as Record<string, string>),
    },
  });
  let output = '';
  const scanLog = recordHostRun(dataDir); // the user-data folder and output, for the run's secret scan
  const collect = (chunk: Buffer) => {
    output += chunk;
    scanLog(chunk);
  };
  electron.process().stdout?.on('data', collect);
  electron.process().stderr?.on('data', collect);
  electron.on('window', watchPage);
  const page = await electron.firstWindow();
  watchPage(page);
  if (options.size) {
    await electron.evaluate(({ BrowserWindow }, size) => BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height), options.size);
  }
  return {
    kind: 'electron',
    page,
    dataDir,
    output: () => output,
    electron,
    stop: async () => {
      await recordPageStorage(electron.context()).catch(() => undefined); // for the run's secret scan
      // The tray keeps the app alive when its window closes; close() quits it. Apps left open
      // by a test are stopped when the worker ends.
      await electron.close().catch(() => undefined);
    },
  };
}

export const test = base.extend<
  { app: Page; skipWithoutHost: void },
  { hostKind: HostKind; keychainService: string; lazyBrowser: () => Promise<Browser>; desk: Desk }
>({
  hostKind: ['browser', { option: true, scope: 'worker' }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  keychainService: [async ({}, use) => use(uniqueKeychainService()), { scope: 'worker' }],
  // The Chromium that looks at the browser host, launched only when a browser host is opened:
  // the electron project never starts one.
  lazyBrowser: [
    async ({ playwright, launchOptions }, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => (launched ??= playwright.chromium.launch(launchOptions)));
      if (launched) await (await launched).close();
    },
    { scope: 'worker' },
  ],
  desk: [
    async ({ hostKind, keychainService, lazyBrowser }, use) => {
      const open: DeskApp[] = [];
      const available = hostKind === 'electron' ? electronAvailability() : { ok: true as const };
      if (!available.ok) console.log(`[${hostKind} host] ${available.reason}`);
      await use({
        kind: hostKind,
        available,
        keychainService,
        async open(options = {}) {
          if (!available.ok) throw new Error(available.reason);
          const app = hostKind === 'electron' ? await openDesktopApp(keychainService, options) : await openBrowserHost(lazyBrowser, keychainService, options);
          // Once: a spec's own stop() and the worker's clean-up must not record the storage twice.
          const stop = app.stop;
          let stopped: Promise<void> | undefined;
          app.stop = () => (stopped ??= stop());
          open.push(app);
          return app;
        },
      });
      await Promise.all(open.map((app) => app.stop()));
    },
    { scope: 'worker' },
  ],
  skipWithoutHost: [
    async ({ desk }, use, testInfo) => {
      if (!desk.available.ok) {
        // CI, where the runtime is installed, sets this so a broken install fails instead of skipping.
        if (process.env.TOKEN_DESK_REQUIRE_ELECTRON) throw new Error(`${desk.available.reason} (TOKEN_DESK_REQUIRE_ELECTRON is set)`);
        testInfo.skip(true, desk.available.reason);
      }
      await use();
    },
    { auto: true },
  ],
  app: async ({ desk }, use) => {
    const app = await desk.open();
    try {
      await use(app.page);
    } finally {
      await app.stop();
    }
  },
});

// ---- desktop-only: the tray, global shortcuts and the system clipboard, driven in main -----

function desktop(app: DeskApp): ElectronApplication {
  if (!app.electron) throw new Error('the tray, global shortcuts and the system clipboard exist only in the desktop app (skip this test in the browser host)');
  return app.electron;
}

/** The labels of the tray menu as the app last set it, with whether each is enabled. */
export async function trayMenu(app: DeskApp): Promise<Array<{ label: string; enabled: boolean }>> {
  return desktop(app).evaluate(() => {
    const menu = (globalThis as any).__tokenDeskE2E?.menu as Electron.Menu | null;
    if (!menu) throw new Error('the app has not set a tray menu (is tests/e2e/support/electron-main-hooks.cjs loaded?)');
    return menu.items.filter((item) => item.type !== 'separator').map((item) => ({ label: item.label, enabled: item.enabled }));
  });
}

/** Clicks a tray menu item by its label, as the user would in the OS tray. */
export async function clickTrayItem(app: DeskApp, label: string): Promise<void> {
  await desktop(app).evaluate(({ BrowserWindow }, wanted) => {
    const menu = (globalThis as any).__tokenDeskE2E?.menu as Electron.Menu | null;
    const item = menu?.items.find((i) => i.label === wanted);
    if (!item) throw new Error(`no tray menu item "${wanted}"`);
    if (!item.enabled) throw new Error(`the tray menu item "${wanted}" is disabled`);
    const focused = BrowserWindow.getFocusedWindow() ?? undefined;
    item.click(undefined, focused, focused?.webContents);
  }, label);
}

/** Clicks the tray icon itself. */
export async function clickTrayIcon(app: DeskApp): Promise<void> {
  await desktop(app).evaluate(() => {
    const tray = (globalThis as any).__tokenDeskE2E?.tray as Electron.Tray | null;
    if (!tray) throw new Error('the app has no tray');
    tray.emit('click');
  });
}

/** Fires a registered global shortcut (e.g. 'CommandOrControl+Shift+K'). */
export async function pressGlobalShortcut(app: DeskApp, accelerator: string): Promise<void> {
  await desktop(app).evaluate((_electron, wanted) => {
    const callback = (globalThis as any).__tokenDeskE2E?.shortcuts.get(wanted) as (() => void) | undefined;
    if (!callback) throw new Error(`no global shortcut "${wanted}" is registered`);
    callback();
  }, accelerator);
}

/** The system clipboard's text (desktop) or the page's clipboard (browser host, needs `clipboard: true`). */
export async function clipboardText(app: DeskApp): Promise<string> {
  if (app.electron) return app.electron.evaluate(({ clipboard }) => clipboard.readText());
  return app.page.evaluate(() => navigator.clipboard.readText());
}

/** Puts `text` on the system clipboard (desktop) or the page's clipboard (browser host, needs `clipboard: true`). */
export async function writeClipboardText(app: DeskApp, text: string): Promise<void> {
  if (app.electron) return app.electron.evaluate(({ clipboard }, value) => clipboard.writeText(value), text);
  return app.page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

// ---- both hosts ------------------------------------------------------------------------------

/** Resizes what the user sees: the browser host's viewport, or the desktop window's content. */
export async function setWindowSize(app: DeskApp, size: { width: number; height: number }): Promise<void> {
  if (!app.electron) return app.page.setViewportSize(size);
  await app.electron.evaluate(({ BrowserWindow }, s) => BrowserWindow.getAllWindows()[0]?.setContentSize(s.width, s.height), size);
  // The page lays out again once the window manager has applied the size.
  await expect.poll(() => app.page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([size.width, size.height]);
}
