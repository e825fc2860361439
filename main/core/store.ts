/**
 * KeyValueStore: the small port the cache and the connection profiles are written through.
 * In the app it is electron-store (main/store-electron.ts); under plain Node (tests, browser
 * host) it is conf, which electron-store is built on. Both are files of JSON on disk.
 *
 * Never put a secret in a KeyValueStore: secrets go to the Vault (OS keychain).
 *
 * Damaged files: conf throws on unreadable JSON. A damaged file must never stop the app, so
 * with `onCorrupt: 'move-aside'` (what both hosts use for the settings AND the cache) the bad
 * file is renamed to `<name>.corrupt-<timestamp>.json` (never deleted: it is the user's data and
 * a bug report), the store starts empty, and the recovery is recorded so the app can say so
 * once (core/startup-notices.ts). `validate` lets a store call a parseable file of the wrong
 * shape damaged too. The default policy stays `'throw'` so a caller that has no way to tell the
 * user never loses data silently. Each store is its own file, so a damaged cache never takes the
 * connections with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../common/errors';
import { maskTokenValues } from '../../common/token-value';

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  /** `undefined` deletes the key (JSON cannot hold it). */
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** The file on disk. */
  readonly path: string;
}

export interface StoreRecovery {
  /** The store's file. */
  path: string;
  /** Where the unreadable file was moved. */
  movedTo: string;
  /** Why it was unreadable (parser message). */
  reason: string;
  at: string;
}

/** A store that also says whether it had to recover from a corrupt file. */
export interface RecoverableStore extends KeyValueStore {
  /** Every recovery since the store was opened (usually empty). */
  readonly recoveries: readonly StoreRecovery[];
}

export type CorruptFilePolicy = 'move-aside' | 'throw';

export interface FileStoreOptions {
  /** Folder of the file. */
  cwd: string;
  /** File name without `.json`, e.g. `cache` or `connections`. */
  configName: string;
  /** Default 'throw'. Use 'move-aside' for data that can be rebuilt (the cache). */
  onCorrupt?: CorruptFilePolicy;
  /**
   * A file that parses but cannot be what this store holds: return why (e.g. "connections is
   * not a list"), and the file counts as damaged. Undefined: the data is fine.
   */
  validate?: (data: Record<string, unknown>) => string | undefined;
  /** Called (synchronously) after a corrupt file was moved aside. */
  onRecovered?: (recovery: StoreRecovery) => void;
  /** For tests. */
  now?: () => Date;
}

/** The subset of conf's (and electron-store's) instance API we use. */
export interface ConfLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly path: string;
}

/** conf options shared by the conf and electron-store factories. */
export interface SharedConfOptions {
  cwd: string;
  configName: string;
  fileExtension: 'json';
  accessPropertiesByDotNotation: false;
  clearInvalidConfig: false;
  configFileMode: number;
  serialize: (value: Record<string, unknown>) => string;
  deserialize: (text: string) => Record<string, unknown>;
}

export function storeFilePath(cwd: string, configName: string): string {
  return path.join(cwd, `${configName}.json`);
}

/**
 * The conf options plus the recovery bookkeeping. Recovery works inside `deserialize`,
 * the one hook conf calls with the file's text on EVERY read (conf re-reads the file on each
 * get/set): when the text is not a JSON object we rename the file aside right there, before
 * conf can overwrite it with the next write, and hand conf an empty object.
 */
export function prepareConfOptions(options: FileStoreOptions): { confOptions: SharedConfOptions; recoveries: StoreRecovery[] } {
  const filePath = storeFilePath(options.cwd, options.configName);
  const policy = options.onCorrupt ?? 'throw';
  const now = options.now ?? (() => new Date());
  const recoveries: StoreRecovery[] = [];

  const deserialize = (text: string): Record<string, unknown> => {
    let reason: string;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const data = parsed as Record<string, unknown>;
        const problem = options.validate?.(data);
        if (problem === undefined) return data;
        reason = problem;
      } else {
        reason = 'the file does not hold a JSON object';
      }
    } catch (error) {
      reason = `it is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
    }
    // The parser quotes the file's text; whatever it held stays out of messages and logs.
    reason = maskTokenValues(reason).slice(0, 200);
    if (policy === 'throw') {
      throw new DeskError({
        code: 'internal',
        message: `The file ${filePath} is damaged and cannot be read (${reason}). Move it away or restore it from a backup, then restart Token Desk.`,
      });
    }
    const at = now();
    const movedTo = moveAside(filePath, at);
    const recovery: StoreRecovery = { path: filePath, movedTo, reason, at: at.toISOString() };
    recoveries.push(recovery);
    options.onRecovered?.(recovery);
    return {};
  };

  return {
    recoveries,
    confOptions: {
      cwd: options.cwd,
      configName: options.configName,
      fileExtension: 'json',
      // Keys are ids (uuid, TKN-…) used as flat keys; dots must not turn into nesting.
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      // Only the user may read their profile/cache files (they hold account names and ids).
      configFileMode: 0o600,
      // Compact JSON: the cache can hold 10,000 tokens; indentation would double the bytes.
      serialize: (value) => JSON.stringify(value),
      deserialize,
    },
  };
}

function moveAside(filePath: string, at: Date): string {
  const { dir, name } = path.parse(filePath);
  // No `:` in the name: Windows forbids it in file names.
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = path.join(dir, `${name}.corrupt-${stamp}.json`);
  for (let n = 1; fs.existsSync(target); n += 1) target = path.join(dir, `${name}.corrupt-${stamp}-${n}.json`);
  fs.renameSync(filePath, target);
  return target;
}

/** Adapts a conf-like instance to the KeyValueStore port. */
export function wrapConf(conf: ConfLike, recoveries: readonly StoreRecovery[]): RecoverableStore {
  return {
    get<T>(key: string): T | undefined {
      return conf.get(key) as T | undefined;
    },
    set(key: string, value: unknown): void {
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
    },
    delete(key: string): void {
      conf.delete(key);
    },
    get path() {
      return conf.path;
    },
    get recoveries() {
      return recoveries;
    },
  };
}

/**
 * A file store on conf (plain Node: tests, browser host). Async because conf 15 is ESM-only:
 * a dynamic import keeps this module loadable from a CommonJS bundle.
 */
export async function createConfStore(options: FileStoreOptions): Promise<RecoverableStore> {
  const { default: Conf } = await import('conf');
  const { confOptions, recoveries } = prepareConfOptions(options);
  const conf = new Conf<Record<string, unknown>>(confOptions);
  return wrapConf(conf, recoveries);
}
