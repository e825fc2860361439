/** "Try the sandbox": the local Marketplace simulator, in-process, with sample data for a Client account. */
import { startSandbox } from '../sandbox';
import type { SandboxHandle } from './services';

export const SANDBOX_SEED = 20261124;

export async function startTrySandbox(): Promise<SandboxHandle & { close(): Promise<void> }> {
  const sandbox = await startSandbox({ seed: SANDBOX_SEED });
  const client = sandbox.accounts.find((a) => a.type === 'Client') ?? sandbox.accounts[0];
  if (!client) throw new Error('the sandbox has no sample account');
  return { url: sandbox.url, adminToken: client.adminToken, accountName: client.name, close: () => sandbox.close() };
}
