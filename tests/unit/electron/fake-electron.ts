/**
 * A stand-in for the `electron` module: Electron cannot run on the build
 * machines, so the glue (main/*.ts) is tested against this fake. It records
 * what the glue asked for, and lets tests fire the events Electron would.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type PermissionRequestHandler = (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
type PermissionCheckHandler = (...args: unknown[]) => boolean;
interface FakeSession {
  permissionRequestHandler?: PermissionRequestHandler;
  permissionCheckHandler?: PermissionCheckHandler;
  setPermissionRequestHandler(h: PermissionRequestHandler): void;
  setPermissionCheckHandler(h: PermissionCheckHandler): void;
}

export class FakeWebContents extends EventEmitter {
  /** What printToPDF answers: the page's loaded text as bytes, so a test can scan the "PDF". */
  pdfOf: () => Buffer = () => Buffer.from('%PDF-fake');
  printToPDF = vi.fn(async (_options: unknown) => this.pdfOf());
  windowOpenHandler?: (details: { url: string }) => { action: 'deny' | 'allow' };
  sent: { channel: string; args: unknown[] }[] = [];
  /** The page's history: entries and the current index, stepped like Electron's navigationHistory. */
  history = { entries: ['app://token-desk/tokens'], index: 0 };
  navigationHistory = {
    canGoBack: () => this.history.index > 0,
    canGoForward: () => this.history.index < this.history.entries.length - 1,
    goBack: () => void (this.history.index > 0 && this.history.index--),
    goForward: () => void (this.history.index < this.history.entries.length - 1 && this.history.index++),
  };
  session: FakeSession = {
    setPermissionRequestHandler(h) {
      this.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h) {
      this.permissionCheckHandler = h;
    },
  };
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  /** Whether the page is still loading (a window main has just created); tests set it. */
  loading = false;
  isLoading() {
    return this.loading;
  }
  isDestroyed() {
    return false;
  }
  /** Fires a cancellable event like Electron does; returns whether it was prevented. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** Set by createFakeElectron: the fake app's 'browser-window-created'. */
  static onCreated: (window: FakeBrowserWindow) => void = () => undefined;
  /** The window a test says has focus (dialogs attach to it). */
  static focused: FakeBrowserWindow | null = null;
  static getFocusedWindow() {
    return FakeBrowserWindow.focused;
  }
  webContents = new FakeWebContents();
  loadedUrl?: string;
  minimized = false;
  calls: string[] = [];
  constructor(public options: Record<string, any>) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onCreated(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  /** What loadFile was given: the file's text is read at once (the glue may remove the file after). */
  loadedFile?: { path: string; text: string };
  async loadFile(file: string) {
    const { readFile } = await import('node:fs/promises');
    this.loadedFile = { path: file, text: await readFile(file, 'utf8') };
  }
  destroyed = false;
  destroy() {
    this.destroyed = true;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return false;
  }
  restore() {
    this.calls.push('restore');
    this.minimized = false;
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
  hide() {
    this.calls.push('hide');
  }
  close() {
    this.calls.push('close');
  }
}

/** Records what a ClipboardItem was built from (Electron's keeps the entries for the OS write). */
export class FakeClipboardItem {
  constructor(public items: Record<string, unknown>) {}
  get types() {
    return Object.keys(this.items);
  }
}

export function createFakeElectron() {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const clipboardState = { text: '', writes: [] as FakeClipboardItem[][] };
  const shortcutState = { taken: new Set<string>(), registered: new Map<string, () => void>() };
  const notificationState = { shown: [] as unknown[], clicks: [] as (() => void)[] };
  /** What the save dialog answers (undefined: the user cancelled). */
  const saveState = { filePath: undefined as string | undefined };
  /** What the native folder picker answers (empty: the user cancelled). */
  const pickState = { folders: [] as string[] };
  const fakeClipboardText = () => clipboardState.text;
  const fakeClipboardWrite = (items: FakeClipboardItem[]) => {
    clipboardState.writes.push(items);
    const text = items[0]?.items['text/plain'];
    clipboardState.text = typeof text === 'string' ? text : '';
  };
  const app = Object.assign(new EventEmitter(), {
    gotLock: true,
    requestSingleInstanceLock: vi.fn(function (this: { gotLock: boolean }) {
      return app.gotLock;
    }),
    quit: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>(() => undefined)), // never ready: lifecycle tests stop before windows exist
    getVersion: () => '0.0.0-test',
    loginItem: { openAtLogin: false },
    getLoginItemSettings: vi.fn(() => ({ ...app.loginItem })),
    setLoginItemSettings: vi.fn((settings: { openAtLogin: boolean }) => void (app.loginItem = { ...settings })),
    setAppUserModelId: vi.fn(),
    exit: vi.fn(),
    /** `npm start` by default; a test sets true to play the installed app. */
    isPackaged: false,
    /** Chromium's parsed command line: the switches a test puts in `switches`. */
    commandLine: {
      switches: new Set<string>(),
      hasSwitch: vi.fn((name: string) => app.commandLine.switches.has(name)),
    },
    /** What getPath answers; a name not set here throws, as Electron does for an unknown name. */
    paths: {} as Record<string, string>,
    getPath: vi.fn((name: string) => {
      const value = app.paths[name];
      if (value === undefined) throw new Error(`Failed to get '${name}' path`);
      return value;
    }),
  });
  FakeBrowserWindow.onCreated = (window) => app.emit('browser-window-created', { preventDefault: () => undefined }, window);
  return {
    clipboardState,
    pickState,
    saveState,
    shortcutState,
    notificationState,
    app,
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async () => undefined) },
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      /** The native folder picker (the leak check): answers what a test sets in `pickedFolders`. */
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: pickState.folders.length === 0, filePaths: [...pickState.folders] })),
      /** The native save dialog: answers `saveState.filePath`, or a cancel. */
      showSaveDialog: vi.fn(async (..._args: unknown[]) => (saveState.filePath ? { canceled: false, filePath: saveState.filePath } : { canceled: true, filePath: '' })),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    /** The OS clipboard: clipboardState.writes holds every write() call's items; .text what readText answers. */
    clipboard: {
      write: vi.fn(async (items: FakeClipboardItem[]) => {
        fakeClipboardWrite(items);
      }),
      readText: vi.fn(async () => fakeClipboardText()),
      writeText: vi.fn(async (text: string) => void (clipboardState.text = text)),
      clear: vi.fn(() => void (clipboardState.text = '')),
    },
    ClipboardItem: FakeClipboardItem,
    /** Accelerators other apps hold: register() answers false for them, as Electron does. */
    globalShortcut: {
      register: vi.fn((accelerator: string, fn: () => void) => {
        if (shortcutState.taken.has(accelerator)) return false;
        shortcutState.registered.set(accelerator, fn);
        return true;
      }),
      unregister: vi.fn((accelerator: string) => void shortcutState.registered.delete(accelerator)),
      isRegistered: vi.fn((accelerator: string) => shortcutState.registered.has(accelerator)),
    },
    Notification: Object.assign(
      vi.fn(function (this: { options: unknown; show: () => void; on: (event: string, fn: () => void) => void }, options: unknown) {
        this.options = options;
        this.show = () => notificationState.shown.push(options);
        // A click a test can play: `notificationState.clicks[i]()` clicks the i-th notification listening for one.
        this.on = (event, fn) => void (event === 'click' && notificationState.clicks.push(fn));
      }),
      { isSupported: vi.fn(() => true) },
    ),
    Tray: vi.fn(),
    nativeImage: { createFromPath: vi.fn() },
    /** System power events ('shutdown' on Linux and macOS). */
    powerMonitor: new EventEmitter(),
    /** The OS appearance (System Settings > dark mode). */
    nativeTheme: { shouldUseDarkColors: false },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * What `vi.mock('electron', …)` returns: every export reads the test's CURRENT fake, so a test
 * file's beforeEach can swap in a fresh one although the mock factory runs only once.
 */
export function electronModuleOf(current: () => FakeElectron): Record<string, unknown> {
  const mod = {};
  for (const key of Object.keys(createFakeElectron())) {
    Object.defineProperty(mod, key, { enumerable: true, get: () => (current() as Record<string, unknown>)[key] });
  }
  return mod;
}
