/**
 * Sandbox speed: sample-data generation and list pages at 100,000 tokens. Prints JSON.
 * Run: npm run bench (or node dist/bench/sandbox.bench.cjs after a build).
 */
import { generateSampleData, startSandbox } from '../../main/sandbox';
import { watchLoad } from './support/measure';

const time = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round((performance.now() - started) * 10) / 10];
};

async function main(): Promise<void> {
  const load = watchLoad();
  const [, generate10k] = await time(() => generateSampleData({ seed: 1, accounts: [{ name: 'A', type: 'Client', tokens: 10_000 }] }));
  const [, generate100k] = await time(() => generateSampleData({ seed: 1, accounts: [{ name: 'A', type: 'Client', tokens: 100_000 }] }));
  const [sandbox, start100k] = await time(() => startSandbox({ seed: 1, tokensPerAccount: 33_333 }));
  const ops = sandbox.accounts.find((a) => a.type === 'Operations')!;
  const pages: Record<string, { coldMs: number; warmMs: number }> = {};
  try {
    for (const query of ['limit=100', 'limit=100&offset=30000', "ilike(name,'*sync*')&eq(status,Active)&limit=20", 'order=-lastAccessAt&limit=50', 'order=name&select=audit&limit=100']) {
      const get = () => fetch(`${sandbox.url}/public/v1/accounts/api-tokens?${query}`, { headers: { Authorization: `Bearer ${ops.adminToken}` } }).then((r) => r.json());
      const [, coldMs] = await time(get);
      const [, warmMs] = await time(get);
      pages[query] = { coldMs, warmMs };
    }
  } finally {
    await sandbox.close();
  }
  console.log(JSON.stringify({ bench: 'sandbox', load1m: load.end(), generate10kMs: generate10k, generate100kWithAuditMs: generate100k, start100kMs: start100k, listPages: pages }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
