/**
 * Where connection profiles live: the settings store, as plain data (never a secret), plus
 * which one is active. A hand-edited entry in an invalid shape is skipped, not fatal.
 */
import { connectionProfileSchema, type ConnectionProfile } from '../../../common/contract';
import { SETTINGS_KEYS } from '../settings-keys';
import type { KeyValueStore } from '../store';

const PROFILES_KEY = SETTINGS_KEYS.profiles;
const ACTIVE_KEY = SETTINGS_KEYS.activeConnection;

export class ProfileStore {
  constructor(private readonly store: KeyValueStore) {}

  all(): ConnectionProfile[] {
    const raw = this.store.get<unknown>(PROFILES_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((entry) => {
      const parsed = connectionProfileSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  get(id: string): ConnectionProfile | undefined {
    return this.all().find((p) => p.id === id);
  }

  /** Adds a profile and makes it the active one. */
  add(profile: ConnectionProfile): void {
    this.write([...this.all(), profile]);
    this.store.set(ACTIVE_KEY, profile.id);
  }

  replace(profile: ConnectionProfile): void {
    this.write(this.all().map((p) => (p.id === profile.id ? profile : p)));
  }

  remove(id: string): void {
    this.write(this.all().filter((p) => p.id !== id));
    if (this.activeId() === id) this.store.delete(ACTIVE_KEY);
  }

  activeId(): string | undefined {
    const id = this.store.get<string>(ACTIVE_KEY);
    return typeof id === 'string' ? id : undefined;
  }

  setActive(id: string): void {
    this.store.set(ACTIVE_KEY, id);
  }

  /** Forgets an active id whose profile is gone (e.g. removed by hand from the settings file). */
  dropStaleActive(): void {
    if (this.store.get<string>(ACTIVE_KEY) !== undefined) this.store.delete(ACTIVE_KEY);
  }

  /** Best effort: removes a half-saved profile. Never rewrites the list from a failed read. */
  undoAdd(id: string): void {
    try {
      const profiles = this.all();
      if (profiles.some((p) => p.id === id)) this.write(profiles.filter((p) => p.id !== id));
      if (this.store.get<string>(ACTIVE_KEY) === id) this.store.delete(ACTIVE_KEY);
    } catch {
      // The store is failing already; the original error is what the caller needs.
    }
  }

  private write(profiles: ConnectionProfile[]): void {
    this.store.set(PROFILES_KEY, profiles);
  }
}
