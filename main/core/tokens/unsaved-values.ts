/**
 * Values the keychain refused at creation, held in main's memory only until the user has
 * copied them: the API shows a value once, so when it cannot be stored the wizard's summary
 * keeps it on screen, and Copy still goes through main (core/tokens/values.ts) from here.
 *
 * Never written anywhere. An entry goes when the summary is closed (`values.forgetUnsaved`),
 * when its token or connection is removed, or after UNSAVED_VALUE_TTL_MS, whichever is first,
 * so a forgotten window does not keep a live secret in memory for the rest of the session.
 */
import { timersOf, type TimerHandle, type TimerPort } from '../timers';

export const UNSAVED_VALUE_TTL_MS = 10 * 60_000;

export interface UnsavedValuesOptions extends TimerPort {
  ttlMs?: number;
}

export class UnsavedValues {
  private readonly entries = new Map<string, { value: string; timer: TimerHandle }>();
  private readonly ttlMs: number;
  private readonly schedule: (fn: () => void, ms: number) => TimerHandle;
  private readonly cancel: (handle: TimerHandle) => void;

  constructor(options: UnsavedValuesOptions = {}) {
    this.ttlMs = options.ttlMs ?? UNSAVED_VALUE_TTL_MS;
    ({ schedule: this.schedule, cancel: this.cancel } = timersOf(options));
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
