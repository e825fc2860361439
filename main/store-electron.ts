/**
 * The KeyValueStore port on electron-store 11, for the Electron app.
 *
 * This file must not import 'electron' itself (electron-store does, internally), and it is the
 * only file that imports electron-store. electron-store is ESM-only, so it is loaded with a
 * dynamic import inside an async factory; that keeps the CommonJS main bundle working.
 *
 * `cwd` is required (pass `app.getPath('userData')` from the glue): the corrupt-file recovery
 * needs to know the file's path before electron-store opens it, and taking it from the caller
 * keeps this file free of `electron`.
 */
import { prepareConfOptions, wrapConf, type FileStoreOptions, type RecoverableStore } from './core/store';

export async function createElectronStore(options: FileStoreOptions): Promise<RecoverableStore> {
  const { default: ElectronStore } = await import('electron-store');
  const { confOptions, recoveries } = prepareConfOptions(options);
  const { configName, ...rest } = confOptions;
  // electron-store calls the file `name` (it maps it to conf's `configName`).
  const store = new ElectronStore<Record<string, unknown>>({ ...rest, name: configName });
  return wrapConf(store, recoveries);
}
