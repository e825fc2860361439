/**
 * The OS keychain adapter of the SecretStore port, over keytar
 * (macOS Keychain, Windows Credential Manager, Linux Secret Service via libsecret).
 *
 * Why every call is wrapped: keytar is a native module. It can fail to load (not built for
 * this runtime), and on Linux it needs a Secret Service on the D-Bus session bus, which
 * many machines (servers, WSL, minimal desktops, CI) do not have. Every such failure becomes
 * ONE error the UI knows how to explain: DeskError `keychain_unavailable`, with what to do
 * on this OS. There is deliberately no plaintext fallback: an admin token on disk in clear
 * text is worse than a clear "fix your keychain" message.
 */
import { DeskError } from '../../common/errors';
import type { SecretStore } from './vault';

/** The part of keytar this adapter uses (lets tests inject a loader that fails). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarSecretStoreOptions {
  /** How to load keytar; defaults to a dynamic import so a missing native module is catchable. */
  load?: () => Promise<KeytarLike>;
  /** For messages only; defaults to process.platform. */
  platform?: NodeJS.Platform;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'token-desk';

/**
 * One keychain service per host. Sharing one would let the browser host offer to "restore" the
 * desktop app's connections (and send their admin tokens wherever its page says), and removing
 * a connection there would delete the desktop app's stored values.
 */
export const KEYCHAIN_SERVICES = { desktop: DEFAULT_KEYCHAIN_SERVICE, web: 'token-desk-web' } as const;

/** The service a host uses; TOKEN_DESK_KEYCHAIN_SERVICE overrides it (tests isolate with it). */
export function keychainServiceFor(host: keyof typeof KEYCHAIN_SERVICES, env: NodeJS.ProcessEnv = process.env): string {
  return env.TOKEN_DESK_KEYCHAIN_SERVICE || KEYCHAIN_SERVICES[host];
}

/** How to fix a missing/locked keychain, per OS. Shown to the user as is. */
export function keychainFixHint(platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock the login keychain (Keychain Access > File > Unlock Keychain "login") and allow Token Desk to use it, then try again.';
    case 'win32':
      return 'Make sure Windows Credential Manager is available for your user account (Control Panel > Credential Manager) and that the "Credential Manager" service is running, then try again.';
    default:
      // One sentence: the README's section has the details (a throwaway one for a single command).
      return 'Start a Secret Service (GNOME Keyring or KWallet: `sudo apt install gnome-keyring`, then log in again; see README, "Linux: a keychain must be running") and try again.';
  }
}

/**
 * Builds the `keychain_unavailable` error. The cause's message is included because it is an
 * OS message (e.g. "Cannot autolaunch D-Bus without X11 $DISPLAY"), never a secret: keytar
 * does not echo passwords in errors.
 */
export function keychainUnavailable(cause: unknown, platform: NodeJS.Platform = process.platform): DeskError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const error = new DeskError({
    code: 'keychain_unavailable',
    message: `The system keychain is not available (${detail}). ${keychainFixHint(platform)} Token Desk never stores tokens in plain text.`,
  });
  (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

async function defaultLoad(): Promise<KeytarLike> {
  // Loaded lazily, inside a try, so a keytar that fails to load (wrong ABI, missing libsecret,
  // not installed) becomes a rejected promise we can map instead of a crash at startup.
  // In the CommonJS bundle of the app a plain `require` is used: Node's CJS loader is the one
  // that resolves native addons inside app.asar(.unpacked) and honours NODE_PATH; a bundler
  // would otherwise keep `import()` as an ESM import, which resolves differently.
  // Under ESM (vitest, tsx) `require` does not exist and the dynamic import is used.
  type Loaded = KeytarLike & { default?: KeytarLike };
  const mod: Loaded = typeof require === 'function' ? (require('keytar') as Loaded) : ((await import('keytar')) as Loaded);
  return mod.default ?? mod;
}

export function createKeytarSecretStore(
  service: string = DEFAULT_KEYCHAIN_SERVICE,
  options: KeytarSecretStoreOptions = {},
): SecretStore {
  const load = options.load ?? defaultLoad;
  const platform = options.platform ?? process.platform;
  let loaded: Promise<KeytarLike> | undefined;

  const keytar = (): Promise<KeytarLike> => {
    loaded ??= load().catch((error: unknown) => {
      // Do not cache a failed load: the user may fix the keychain and retry without restarting.
      loaded = undefined;
      throw error;
    });
    return loaded;
  };

  async function call<T>(op: (k: KeytarLike) => Promise<T>): Promise<T> {
    try {
      return await op(await keytar());
    } catch (error) {
      if (DeskError.is(error)) throw error;
      throw keychainUnavailable(error, platform);
    }
  }

  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
    // keytar has no "list accounts": findCredentials also returns the passwords. We drop them
    // at once so they never leave this function.
    list: () => call(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  };
}
