/**
 * The composition root: every core service, built once per host (Electron or the browser host)
 * from ports the host supplies (where files live, which store and clipboard to use, how to start
 * the sandbox), and wired to each other here and only here. Each module that uses services
 * declares the few it needs as an interface of its own; `CoreServices` satisfies all of them, and
 * only the handler table (handlers.ts) and the hosts hold it whole. Plain Node only.
 */
import type { TokenInConnection } from '../../common/app-commands';
import type { ConnectionProfile } from '../../common/contract';
import { DeskError } from '../../common/errors';
import { createMarketplaceClient } from './api';
import type { MarketplaceClient, NetworkLimits } from './api';
import { OfflineCache } from './cache';
import { createClipboardService } from './clipboard';
import type { ClipboardPort, ClipboardService } from './clipboard';
import { ConnectionService } from './connections';
import type { KeyValueStore } from './store';
import { createConfStore } from './store';
import { AuditCache } from './audit/cache';
import path from 'node:path';
import { Vault } from './vault';
import { RotationLinks } from './links';
import { StartupNotices } from './startup-notices';
import { UnsavedValues } from './tokens/unsaved-values';
import type { SecretStore } from './vault';
import { APP_VERSION } from './app-info';
import { AccessLog } from './access-log';
import { DesktopSettingsService } from './desktop-settings';
import type { ActiveSession, Sessions } from './session';
import { CLIPBOARD_CLEAR_MS } from '../../common/limits';
import { notConnectedError } from '../../common/messages';
import { PlanStore } from './rotation/plan-store';
import { RotationRunner, type RunnerClock } from './rotation/runner';
import type { PlanNotice } from './rotation/plan';
import type { RotationPlan } from '../../common/rotation';
import { removeCachedTokens, upsertCachedToken } from './tokens/snapshot';
import { LeakChecker } from './leaks/service';
import { OverviewService } from './overview/service';
import { DigestRunner, type DigestEvents, type DigestMessage } from './digest/runner';
import { DigestStore } from './digest/store';
import { digestOf } from './digest/summary';
import { ReportService } from './report/service';
import type { SavedReport } from '../../common/report';

/** A running local Marketplace simulator ("Try the sandbox"). */
export interface SandboxHandle {
  url: string;
  /** The admin token of its sample Client account. */
  adminToken: string;
  accountName: string;
}

export interface CoreServiceDeps {
  /** Connection profiles, rotation links, UI preferences — small and precious. */
  settingsStore: KeyValueStore;
  /** The offline cache — large and disposable (a corrupt one is rebuilt). */
  cacheStore: KeyValueStore;
  secretStore: SecretStore;
  clipboard: ClipboardPort;
  /**
   * Opens a further store beside the cache (the audit cache keeps its chunks in such stores).
   * Default: conf in the cache's folder; the Electron app passes electron-store.
   */
  openStore?: (name: string, validate?: (data: Record<string, unknown>) => string | undefined) => Promise<KeyValueStore>;
  /** The rotation runner's clock (tests pass a fake one). */
  rotationClock?: RunnerClock;
  /** The shortest time between two looks at an old token (tests shorten it; default a minute). */
  rotationMinLookMs?: number;
  /** The weekly digest's clock (tests pass a fake one). */
  digestClock?: RunnerClock;
  /** The host's PDF printer with its save dialog (Electron); the browser host prints the report's view instead. */
  saveReportPdf?: (html: string, suggestedName: string) => Promise<SavedReport>;
  /** Starts the in-process sandbox once per run; the host decides how. */
  startSandbox?: () => Promise<SandboxHandle>;
  /** The host's native folder picker (Electron's dialog); the browser host has none. */
  pickFolders?: () => Promise<string[]>;
  /** Shows a token's details in the host's main window (Electron); the browser host has no other window. */
  openToken?: (ref: TokenInConnection) => void;
  /** Where the leak scan's worker bundle is; default: beside the running bundle (scripts/build.mjs puts it there). */
  leaksWorkerPath?: string;
  /** Test hook: API client options (short timeouts, few retries). */
  clientOptions?: { timeoutMs?: number; retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number }; limits?: Partial<NetworkLimits> };
}

export type { ActiveSession } from './session';

export interface CoreServices extends Sessions {
  settings: KeyValueStore;
  vault: Vault;
  cache: OfflineCache;
  clipboard: ClipboardService;
  connections: ConnectionService;
  links: RotationLinks;
  /** The offline audit cache: chunked stores per connection (audit/cache.ts). */
  audit: AuditCache;
  /** Damaged files moved aside (settings or cache), until the user dismisses the notice. */
  startupNotices: StartupNotices;
  /** New token values the keychain refused, in memory until copied (tokens/unsaved-values.ts). */
  unsavedValues: UnsavedValues;
  /** The Settings page's settings (shortcut, clear delay, notifications, login, tray). */
  desktopSettings: DesktopSettingsService;
  /** Every reveal and copy of a token value (never the value). */
  accessLog: AccessLog;
  /** Rotation plans, carried out in main (rotation/runner.ts); the hosts call `start()`. */
  rotation: RotationRunner;
  /** The hosts listen here: a plan's desktop notice, and a plan that changed (pages refresh). */
  rotationEvents: { onNotice(fn: (notice: PlanNotice, plan: RotationPlan) => void): void; onChanged(fn: (plan: RotationPlan) => void): void };
  /** The leak check: found values in memory only, the folder scan in a worker. */
  leaks: LeakChecker;
  /** The Overview's numbers from the offline cache (overview/service.ts). */
  overview: OverviewService;
  /** The weekly digest (digest/runner.ts): only a host that shows desktop notifications calls `start()`. */
  digest: DigestRunner;
  digestEvents: DigestEvents;
  /** The printable report (report/service.ts), and the host's PDF printer where it has one. */
  report: ReportService;
  saveReportPdf?: (html: string, suggestedName: string) => Promise<SavedReport>;
  pickFolders?: () => Promise<string[]>;
  openToken?: (ref: TokenInConnection) => void;
  /** An API client for any saved connection (credentials from the keychain). */
  clientFor(profile: ConnectionProfile): Promise<MarketplaceClient>;
  /** Starts (once) the sandbox and returns it; refuses where the host has none. */
  sandbox(): Promise<SandboxHandle>;
  dispose(): Promise<void>;
}

export function createCoreServices(deps: CoreServiceDeps): CoreServices {
  const vault = new Vault(deps.secretStore);
  const cache = new OfflineCache(deps.cacheStore);
  const clipboard = createClipboardService(deps.clipboard, { clearAfterMs: CLIPBOARD_CLEAR_MS });
  const links = new RotationLinks(deps.settingsStore);
  const openStore =
    deps.openStore ??
    ((name: string, validate?: (data: Record<string, unknown>) => string | undefined) =>
      createConfStore({ cwd: path.dirname(deps.cacheStore.path), configName: name, onCorrupt: 'move-aside', ...(validate ? { validate } : {}) }));
  const audit = new AuditCache({ openStore: (name) => openStore(name) });
  const plans = new PlanStore((name, validate) => openStore(name, validate));
  const digestStore = new DigestStore((name, validate) => openStore(name, validate));
  const startupNotices = new StartupNotices({ settings: deps.settingsStore, cache: deps.cacheStore, rotation: plans, digest: digestStore });
  const unsavedValues = new UnsavedValues();
  const desktopSettings = new DesktopSettingsService(deps.settingsStore);
  const accessLog = new AccessLog(deps.settingsStore);
  // The clipboard clears after the delay the Settings page holds, from the first copy on.
  clipboard.setClearAfterMs(desktopSettings.get().clipboardClearMs);
  desktopSettings.onChange((next) => clipboard.setClearAfterMs(next.clipboardClearMs));
  let sandboxRun: Promise<SandboxHandle> | undefined;

  const sandbox = (): Promise<SandboxHandle> => {
    if (!deps.startSandbox) {
      return Promise.reject(new DeskError({ code: 'internal', message: 'This Token Desk build has no sandbox.' }));
    }
    sandboxRun ??= deps.startSandbox().catch((error: unknown) => {
      sandboxRun = undefined;
      throw error;
    });
    return sandboxRun;
  };

  /** A sandbox profile points at whichever port this run's sandbox got. */
  const baseUrlOf = async (profile: ConnectionProfile) => (profile.sandbox ? (await sandbox()).url : profile.baseUrl);

  const makeClient = (baseUrl: string, token: string) =>
    createMarketplaceClient({ baseUrl, token, appVersion: APP_VERSION, ...deps.clientOptions });

  const connections = new ConnectionService({
    store: deps.settingsStore,
    vault,
    verify: async (baseUrl, token) => {
      const client = makeClient(baseUrl, token);
      const who = await client.whoAmI();
      // A token may always read itself (§9); managing tokens needs Access Management. One
      // token-list row proves the admin token can do what Token Desk is for.
      await client.tokens.list({ limit: 1 });
      return who;
    },
    onRemoved: (id) => {
      cache.dropConnection(id);
      links.dropConnection(id);
      void audit.drop(id).catch(() => undefined);
      void plans.drop(id).catch(() => undefined);
      unsavedValues.forgetConnection(id);
    },
  });

  const clientFor = async (profile: ConnectionProfile): Promise<MarketplaceClient> => {
    const { token } = await connections.credentials(profile.id);
    return makeClient(await baseUrlOf(profile), token);
  };

  const noticeListeners = new Set<(notice: PlanNotice, plan: RotationPlan) => void>();
  const changeListeners = new Set<(plan: RotationPlan) => void>();
  const rotation = new RotationRunner({
    store: plans,
    connections: () => connections.list(),
    clientFor,
    ...(deps.rotationClock ? { clock: deps.rotationClock } : {}),
    ...(deps.rotationMinLookMs ? { minLookMs: deps.rotationMinLookMs } : {}),
    notify: (notice, plan) => noticeListeners.forEach((fn) => fn(notice, plan)),
    changed: (plan) => changeListeners.forEach((fn) => fn(plan)),
    tokenChanged: (connectionId, change) => {
      try {
        if ('token' in change) upsertCachedToken(cache, connectionId, change.token);
        else removeCachedTokens(cache, connectionId, [change.deletedId]);
      } catch {
        // The cache is disposable: the next sync brings the change.
      }
    },
  });

  const overview = new OverviewService({
    connections,
    cache,
    audit,
    rotation,
    overviewRules: () => desktopSettings.get().overviewRules,
  });
  const digestListeners = new Set<(message: DigestMessage) => void>();
  const digest = new DigestRunner({
    store: digestStore,
    enabled: () => desktopSettings.get().weeklyDigest,
    // Every saved connection, as the Overview counts them with the user's rules.
    summarize: async () => digestOf(await overview.get('all')),
    notify: (message) => digestListeners.forEach((fn) => fn(message)),
    ...(deps.digestClock ? { clock: deps.digestClock } : {}),
  });
  desktopSettings.onChange(() => void digest.settingChanged());
  const report = new ReportService({ overview, cache });

  const core: Omit<CoreServices, 'leaks'> = {
    overview,
    settings: deps.settingsStore,
    rotation,
    rotationEvents: { onNotice: (fn) => void noticeListeners.add(fn), onChanged: (fn) => void changeListeners.add(fn) },
    vault,
    cache,
    clipboard,
    connections,
    links,
    startupNotices,
    unsavedValues,
    desktopSettings,
    accessLog,
    sandbox,
    audit,
    clientFor,
    async session(): Promise<ActiveSession> {
      const profile = connections.active();
      if (!profile) throw notConnectedError();
      return { profile, client: await clientFor(profile) };
    },
    pickFolders: deps.pickFolders,
    openToken: deps.openToken,
    digest,
    digestEvents: { onDigest: (fn) => void digestListeners.add(fn) },
    report,
    saveReportPdf: deps.saveReportPdf,
    dispose: async () => {
      leaks.forget();
      // The clipboard's compare starts before any file is written: a slow flush must not
      // leave a copied value behind if the process is stopped meanwhile.
      const cleared = clipboard.dispose();
      rotation.stop();
      digest.stop();
      unsavedValues.clear();
      try {
        await cache.flush(); // the token list is written after idle: do not lose the last one
      } finally {
        await cleared;
      }
    },
  };
  // The checker uses the services it sits beside (sessions, cache, vault) to identify and disable.
  const leaks = new LeakChecker(core, deps.leaksWorkerPath ?? path.join(__dirname, 'leaks-worker.cjs'));
  return { ...core, leaks };
}
