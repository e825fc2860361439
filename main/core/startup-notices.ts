/**
 * What the user must hear once after a damaged file was moved aside (core/store.ts does the
 * moving): which file, why, and where the copy is. The stores record every recovery; this keeps
 * the ones the user has not dismissed yet, so the page shows ONE notice per run — also after a
 * reload, until it is dismissed — and a file damaged while the app runs is reported the same way.
 */
import type { StartupNotice } from '../../common/contract';
import type { KeyValueStore, StoreRecovery } from './store';

type MaybeRecoverable = KeyValueStore & { readonly recoveries?: readonly StoreRecovery[] };
/** The rotation plans' files (one per connection), the digest's file: anything that keeps the recoveries of its files. */
type RecoverySource = { readonly recoveries: readonly StoreRecovery[] };

export class StartupNotices {
  private readonly dismissed = new Set<string>();

  constructor(private readonly stores: { settings: MaybeRecoverable; cache: MaybeRecoverable; rotation?: RecoverySource; digest?: RecoverySource }) {}

  /** Recoveries not dismissed yet, settings first. */
  list(): StartupNotice[] {
    const of = (file: StartupNotice['file'], store: { readonly recoveries?: readonly StoreRecovery[] } | undefined): StartupNotice[] =>
      (store?.recoveries ?? []).map((r) => ({ file, path: r.path, movedTo: r.movedTo, reason: r.reason, at: r.at }));
    const all = [...of('settings', this.stores.settings), ...of('cache', this.stores.cache), ...of('rotation', this.stores.rotation), ...of('digest', this.stores.digest)];
    return all.filter((n) => !this.dismissed.has(n.movedTo));
  }

  /** True when the settings were lost this run (the restore-from-keychain offer applies). */
  settingsLost(): boolean {
    return this.list().some((n) => n.file === 'settings');
  }

  /** The user has read the notice: it is not shown again this run. */
  dismiss(): void {
    for (const notice of this.list()) this.dismissed.add(notice.movedTo);
  }
}
