/**
 * Sync benchmark: one account with 10,000 tokens behind 20 ms of added latency per request.
 * Syncs the whole list page by page in sequence (pageSize 100, the way the official Python
 * client iterates) and with the concurrent pager, then prints JSON and exits non-zero unless
 * the concurrent sync is ≥ 5× faster and within 1.5× of the ideal
 * ceil(pages / concurrency) × latency.
 *
 * The sandbox runs in a worker thread so its CPU time does not compete with the client's on
 * one event loop (in the app the Marketplace is another machine). Options:
 *   --concurrency=6 (or SYNC_CONCURRENCY)  --tokens=10000  --latency=20  --runs=5
 *   --seed=sample (default: the sandbox has ONE account, a Client, with N sample tokens; about
 *                 2% of them are Deleted and so not listed)
 *   --seed=api    (the same Client account with no sample tokens; N tokens created through the API)
 *
 * Not a vitest file: bundled by the build to dist/bench/sync.bench.cjs. By hand:
 *   npx esbuild tests/bench/sync.bench.ts --bundle --platform=node --format=cjs \
 *     --outfile=/tmp/sync.cjs --external:keytar --external:electron && node /tmp/sync.cjs
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { createMarketplaceClient } from '../../main/core/api/index';
import { hasNextPage } from '../../main/core/api/pagination';
import { median, serveSandbox, startSandboxWorker } from './support/sandbox-worker';
import { watchLoad } from './support/measure';

const PAGE_SIZE = 100;


interface Settings {
  tokens: number;
  latencyMs: number;
  concurrency: number;
  runs: number;
  seed: 'sample' | 'api';
}

function settings(): Settings {
  const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return {
    tokens: Number(arg('tokens') ?? 10_000),
    latencyMs: Number(arg('latency') ?? 20),
    concurrency: Number(arg('concurrency') ?? process.env.SYNC_CONCURRENCY ?? 6),
    runs: Number(arg('runs') ?? 5),
    seed: arg('seed') === 'api' ? 'api' : 'sample',
  };
}

/** Worker side: the sandbox (support/sandbox-worker.ts). */
async function sandboxWorker(s: Settings): Promise<void> {
  await serveSandbox({ seed: 7, accounts: [{ type: 'Client', tokens: s.seed === 'sample' ? s.tokens : 0 }], auditHistory: false });
}

async function main(s: Settings): Promise<number> {
  const load = watchLoad();
  const sandbox = await startSandboxWorker(__filename, s);
  try {
    const client = sandbox.accounts.find((a) => a.type === 'Client')!;
    const api = createMarketplaceClient({ baseUrl: sandbox.url, token: client.adminToken, appVersion: 'bench' });

    if (s.seed === 'api') {
      let i = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (i < s.tokens) await api.tokens.create({ name: `Bench token ${i++}`, moduleIds: ['MOD-1756'] });
        }),
      );
    }

    const sequential = async (): Promise<number> => {
      let offset = 0;
      let count = 0;
      for (;;) {
        const page = await api.tokens.list({ limit: PAGE_SIZE, offset });
        count += page.items.length;
        if (!hasNextPage(page)) return count;
        offset = page.offset + page.limit;
      }
    };
    const concurrent = async (): Promise<number> => (await api.tokens.listAll({}, { pageSize: PAGE_SIZE, concurrency: s.concurrency })).length;

    // Warm-up without latency (JIT, the sandbox's caches), then the measured runs.
    const expected = await sequential();
    if ((await concurrent()) !== expected) throw new Error('the two syncs disagree on the number of tokens');
    await sandbox.setFaults({ latencyMs: s.latencyMs });

    const seqTimes: number[] = [];
    const conTimes: number[] = [];
    for (let r = 0; r < s.runs; r++) {
      let t0 = performance.now();
      const a = await sequential();
      seqTimes.push(performance.now() - t0);
      t0 = performance.now();
      const b = await concurrent();
      conTimes.push(performance.now() - t0);
      if (a !== expected || b !== expected) throw new Error(`token count changed: ${expected} / ${a} / ${b}`);
    }

    const pages = Math.ceil(expected / PAGE_SIZE);
    const sequentialMs = Math.round(median(seqTimes));
    const concurrentMs = Math.round(median(conTimes));
    const idealMs = Math.ceil(pages / s.concurrency) * s.latencyMs;
    const ratio = +(sequentialMs / concurrentMs).toFixed(2);
    const withinIdealFactor = +(concurrentMs / idealMs).toFixed(2);
    console.log(
      JSON.stringify({
        bench: 'sync',
        load1m: load.end(),
        tokens: expected,
        pages,
        latencyMs: s.latencyMs,
        concurrency: s.concurrency,
        sequentialMs,
        concurrentMs,
        ratio,
        idealMs,
        withinIdealFactor,
        seed: s.seed,
        runs: s.runs,
        sequentialRunsMs: seqTimes.map(Math.round),
        concurrentRunsMs: conTimes.map(Math.round),
      }),
    );
    const failures: string[] = [];
    if (ratio < 5) failures.push(`concurrent sync is only ${ratio}x faster (need >= 5x)`);
    if (withinIdealFactor > 1.5) failures.push(`concurrent sync took ${withinIdealFactor}x the ideal ${idealMs} ms (need <= 1.5x)`);
    for (const f of failures) console.error(`FAIL: ${f}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    sandbox.close();
  }
}

if (isMainThread) {
  main(settings()).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
} else {
  void sandboxWorker(workerData as Settings);
}
