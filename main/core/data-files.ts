/**
 * The two files Token Desk keeps (docs/architecture.md): `settings.json` (connections, rotation
 * links, UI prefs — small and precious) and `cache.json` (large and disposable), and how both
 * hosts open them. Either one, when damaged, is moved aside and the app starts anyway: a file
 * the app cannot read must never be the reason it does not open (core/startup-notices.ts tells
 * the user once). Secrets are in neither file.
 */
import { connectionProfileSchema } from '../../common/contract';
import { SETTINGS_KEYS } from './settings-keys';
import type { FileStoreOptions, StoreRecovery } from './store';

export const SETTINGS_FILE = 'settings';
export const CACHE_FILE = 'cache';

/**
 * Why a parseable settings file cannot be used, or undefined. A profile list that is not a list,
 * or holds an entry that is not a profile, means the connections in it can no longer be trusted:
 * the whole file is kept aside (nothing is dropped silently) and the restore offer takes over.
 */
export function settingsShapeProblem(data: Record<string, unknown>): string | undefined {
  const profiles = data[SETTINGS_KEYS.profiles];
  if (profiles !== undefined) {
    if (!Array.isArray(profiles)) return 'its list of connections is not a list';
    const bad = profiles.findIndex((entry) => !connectionProfileSchema.safeParse(entry).success);
    if (bad !== -1) return `connection number ${bad + 1} in it is not a valid connection`;
  }
  const active = data[SETTINGS_KEYS.activeConnection];
  if (active !== undefined && typeof active !== 'string') return 'its active connection is not a connection id';
  return undefined;
}

export interface DataFileOptions {
  settings: FileStoreOptions;
  cache: FileStoreOptions;
}

/** Options for both files in `dir`; `onRecovered` hears about every file moved aside (for the host's log). */
export function dataFileOptions(dir: string, onRecovered?: (file: 'settings' | 'cache', recovery: StoreRecovery) => void): DataFileOptions {
  return {
    settings: {
      cwd: dir,
      configName: SETTINGS_FILE,
      onCorrupt: 'move-aside',
      validate: settingsShapeProblem,
      ...(onRecovered ? { onRecovered: (r: StoreRecovery) => onRecovered('settings', r) } : {}),
    },
    cache: {
      cwd: dir,
      configName: CACHE_FILE,
      onCorrupt: 'move-aside',
      ...(onRecovered ? { onRecovered: (r: StoreRecovery) => onRecovered('cache', r) } : {}),
    },
  };
}

/** One line for a host's log (never a secret: the reason is masked by the store). */
export function recoveryLogLine(file: 'settings' | 'cache', recovery: StoreRecovery): string {
  const what = file === 'settings' ? 'settings file' : 'offline cache';
  const then = file === 'settings' ? 'Token Desk starts with empty settings.' : 'It will be rebuilt from the Marketplace.';
  return `Token Desk: the ${what} ${recovery.path} could not be read (${recovery.reason}); it was moved aside to ${recovery.movedTo}. ${then}`;
}
