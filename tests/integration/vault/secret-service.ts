/**
 * Is a real Secret Service (or macOS/Windows keychain) reachable from this process?
 * Integration tests that need one call this and SKIP WITH THE PRINTED REASON when it is not,
 * so a developer machine without a keyring sees why, instead of a silent pass.
 *
 * Run them inside a private D-Bus session with an unlocked gnome-keyring:
 *   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --project integration tests/integration/vault'
 */
import { randomBytes } from 'node:crypto';
import { createKeytarSecretStore } from '../../../main/core/vault';

export const RUN_HINT =
  "dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --project integration tests/integration'";

export function uniqueService(): string {
  return `token-desk-test-${randomBytes(6).toString('hex')}`;
}

export async function probeSecretService(): Promise<{ available: boolean; reason: string }> {
  const service = uniqueService();
  const store = createKeytarSecretStore(service);
  try {
    // A write, not just a read: a LOCKED keyring reads as "empty" but refuses writes.
    await store.set('probe', 'probe-value');
    const back = await store.get('probe');
    await store.delete('probe');
    if (back !== 'probe-value') return { available: false, reason: `the keychain did not return what was written (got ${JSON.stringify(back)})` };
    return { available: true, reason: '' };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Probe once per test file; print why when skipping. */
export async function requireSecretService(suite: string): Promise<boolean> {
  const { available, reason } = await probeSecretService();
  if (!available) {
    console.warn(`[${suite}] SKIPPED: no usable Secret Service/keychain: ${reason}\n  Run with: ${RUN_HINT}`);
  }
  return available;
}
