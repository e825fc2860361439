/** The real Secret Service the app writes to, read directly by the tests (through keytar). */
import keytar from 'keytar';

export async function keychainAvailability(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const service = `token-desk-probe-${process.pid}`;
    await keytar.setPassword(service, 'probe', 'x');
    await keytar.deletePassword(service, 'probe');
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      reason: `no Secret Service reachable (${error instanceof Error ? error.message : String(error)}); run inside dbus-run-session with an unlocked gnome-keyring, as .ci/run does`,
    };
  }
}

export const uniqueKeychainService = () => `token-desk-e2e-${process.pid}-${Date.now()}`;

export async function keychainAccounts(service: string): Promise<string[]> {
  return (await keytar.findCredentials(service)).map((c) => c.account);
}

export async function keychainSecrets(service: string): Promise<string[]> {
  return (await keytar.findCredentials(service)).map((c) => c.password);
}

export async function clearKeychain(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
}
