/**
 * Values the keychain refused at creation, held in main's memory only until the user has
 * copied them: the API shows a value once, so when it cannot be stored the wizard's summary
 * keeps it on screen, and Copy still goes through main (core/tokens/values.ts) from here.
 *
 * Never written anywhere. An entry goes when the summary is closed (`values.forgetUnsaved`),
 * when its token or connection is removed, or after UNSAVED_VALUE_TTL_MS, whichever is first,
 * so a forgotten window does not keep a live secret in memory for the rest of the session.
 */

export const UNSAVED_VALUE_TTL_MS = 10 * 60_000;

type TimerHandle = unknown;

export interface UnsavedValuesOptions {
  ttlMs?: number;
  setTimeout?: (fn: () => void, ms: number) => TimerHandle;
  clearTimeout?: (handle: TimerHandle) => void;
}

export class UnsavedValues {
  private readonly entries = new Map<string, { value: string; timer: TimerHandle }>();
  private readonly ttlMs: number;
  private readonly schedule: (fn: () => void, ms: number) => TimerHandle;
  private readonly cancel: (handle: TimerHandle) => void;

  constructor(options: UnsavedValuesOptions = {}) {
    this.ttlMs = options.ttlMs ?? UNSAVED_VALUE_TTL_MS;
    this.schedule =
      options.setTimeout ??
      ((fn, ms) => {
        const handle = setTimeout(fn, ms);
        // A pending expiry must not keep a Node process (tests, browser host) alive.
        handle.unref?.();
        return handle;
      });
    this.cancel = options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  put(connectionId: string, tokenId: string, value: string): void {
    const key = keyOf(connectionId, tokenId);
    this.forgetKey(key);
    const timer = this.schedule(() => this.entries.delete(key), this.ttlMs);
    this.entries.set(key, { value, timer });
  }

  get(connectionId: string, tokenId: string): string | undefined {
    return this.entries.get(keyOf(connectionId, tokenId))?.value;
  }

  /** True when a value was held. */
  forget(connectionId: string, tokenId: string): boolean {
    return this.forgetKey(keyOf(connectionId, tokenId));
  }

  forgetConnection(connectionId: string): void {
    const prefix = keyOf(connectionId, '');
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.forgetKey(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.forgetKey(key);
  }

  private forgetKey(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.cancel(entry.timer);
    return this.entries.delete(key);
  }
}

// Connection ids are UUIDs (no NUL), so the separator can never make two keys collide.
const keyOf = (connectionId: string, tokenId: string) => `${connectionId}\u0000${tokenId}`;
