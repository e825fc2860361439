/**
 * Token Desk sandbox: a local SoftwareOne Marketplace API simulator (api-tokens, modules, audit
 * records) over real HTTP. Used by "Try the sandbox", the integration/e2e tests and benchmarks.
 * No electron import anywhere under main/sandbox/.
 */
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import type { FaultOptions, RunningSandbox, SandboxAccount, SandboxAccountSpec, SandboxOptions } from './options';
import { Router } from './router';
import { auditRoutes } from './routes/audit';
import { moduleRoutes } from './routes/modules';
import { tokenRoutes } from './routes/tokens';
import { DEFAULT_SAMPLE_ACCOUNTS, generateSampleData, type SampleAccountSpec } from './sample-data';
import { createSandboxServer } from './server';
import { SandboxStore } from './store';

export type { FaultOptions, RunningSandbox, SandboxAccount, SandboxAccountSpec, SandboxOptions } from './options';
export { generateSampleData, generateAccountSample, DEFAULT_SAMPLE_ACCOUNTS } from './sample-data';
export type { SampleAccountSpec, SampleData, SampleDataOptions, SampleAdmin } from './sample-data';
export { MODULES, modulesForAccountType } from './modules-catalogue';
export type { ModuleDefinition } from './modules-catalogue';

function accountSpec(spec: SandboxAccountSpec): SampleAccountSpec {
  const name = spec.name ?? DEFAULT_SAMPLE_ACCOUNTS.find((a) => a.type === spec.type)?.name ?? `${spec.type} account`;
  return spec.tokens === undefined ? { name, type: spec.type } : { name, type: spec.type, tokens: spec.tokens };
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const seed = opts.seed ?? 1;
  const legacyReveal = opts.legacyReveal ?? false;
  const data = generateSampleData({
    seed,
    tokensPerAccount: opts.tokensPerAccount ?? 25,
    auditHistory: opts.auditHistory ?? true,
    ...(opts.auditRecordsPerAccount ? { auditRecordsPerAccount: opts.auditRecordsPerAccount } : {}),
    keepValues: legacyReveal,
    ...(opts.accounts ? { accounts: opts.accounts.map(accountSpec) } : {}),
  });
  const store = new SandboxStore(data, seed, legacyReveal);
  const router = new Router();
  for (const route of [...tokenRoutes(), ...moduleRoutes(), ...auditRoutes()]) router.add(route);
  const faults = new FaultInjector(opts.faults ?? {});
  const stats = { requests: 0, creates: 0 };
  const server = createSandboxServer({ store, router, faults, stats, settings: { wrongStateMode: opts.wrongStateMode ?? 'error', legacyReveal } });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const accounts: SandboxAccount[] = data.accounts.map((account) => {
    const admin = data.admins.find((a) => a.accountId === account.id);
    if (!admin) throw new Error(`no admin token for ${account.id}`);
    return { id: account.id, name: account.name, type: account.type, adminTokenId: admin.tokenId, adminToken: admin.value };
  });

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    accounts,
    setFaults(f: FaultOptions) {
      faults.set(f);
    },
    stats: () => ({ ...stats, faults: { ...faults.injected } }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive clients must not keep the sandbox alive
      });
      return closed;
    },
  };
}
