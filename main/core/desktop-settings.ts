/**
 * The desktop settings (common/quick-access.ts) in the settings store, plus what only the host
 * knows at run time: whether the global shortcut could be registered. Listeners (the Electron
 * glue: shortcut, login item) hear every change. Nothing here is a secret.
 */
import { DEFAULT_DESKTOP_SETTINGS, desktopSettingsSchema } from '../../common/quick-access';
import type { DesktopSettings, SettingsView } from '../../common/quick-access';
import { SETTINGS_KEYS } from './settings-keys';
import type { KeyValueStore } from './store';

const KEY = SETTINGS_KEYS.desktopSettings;

export type ShortcutStatus = SettingsView['shortcut'];

export class DesktopSettingsService {
  private listeners = new Set<(settings: DesktopSettings) => void>();
  private shortcut: ShortcutStatus = null;

  constructor(private readonly store: KeyValueStore) {}

  /** The stored settings; a field that does not parse (hand-edited file) falls back to its default. */
  get(): DesktopSettings {
    const stored = this.store.get<Record<string, unknown>>(KEY) ?? {};
    const out = { ...DEFAULT_DESKTOP_SETTINGS };
    for (const key of Object.keys(out) as (keyof DesktopSettings)[]) {
      const field = desktopSettingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) (out as Record<string, unknown>)[key] = field.data;
    }
    return out;
  }

  set(patch: Partial<DesktopSettings>): DesktopSettings {
    const next = desktopSettingsSchema.parse({ ...this.get(), ...patch });
    this.store.set(KEY, next);
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onChange(listener: (settings: DesktopSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Set by the host that registers the global shortcut (Electron); null where there is none. */
  setShortcutStatus(status: ShortcutStatus): void {
    this.shortcut = status;
  }

  shortcutStatus(): ShortcutStatus {
    return this.shortcut;
  }
}
