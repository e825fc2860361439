/**
 * Soak benchmark: a week in the tray, compressed.
 *
 *   npm run bench -- soak        (node scripts/build.mjs && node dist/bench/soak.bench.cjs)
 *
 * The core services (main's part) behind the browser host, on a data folder, with two
 * connections to a sandbox (in a worker thread; the Marketplace is another machine) of 10,000
 * and 500 tokens, and one page of the app open all week in Chromium. A simulated week:
 * every hour someone changes a token and the list is refreshed (a delta sync); 500 Quick Access
 * openings and 200 copies (each cleared again) spread over it; the audit log refreshed every
 * six hours; every day the page switches the connection (Connections → Switch to), opens the
 * audit log and comes back to the tokens. The first three days are the warm-up. Then, after collecting
 * garbage: main's heap and RSS and the page's heap may grow by at most 5 % from the end of the
 * warm-up to the end of the week, main's timers, listeners and open handles must be back where
 * they were, and every file stays within its cap (no temp files left, the access log within
 * its maximum, one token list file per connection).
 * Prints ONE JSON object with "bench": "soak"; exits 1 when a figure is missed (unless BENCH_NO_FAIL=1).
 * Options: --hours=168 --tokens=10000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { isMainThread, workerData } from 'node:worker_threads';
import { createMarketplaceClient } from '../../main/core/api/index';
import { createDispatch, type HandlerContext } from '../../main/core/dispatch';
import { createHandlerTable } from '../../main/core/handlers';
import { createCoreServices } from '../../main/core/services';
import { createConfStore } from '../../main/core/store';
import { createMemorySecretStore } from '../../main/core/secret-store-memory';
import { dataFileOptions } from '../../main/core/data-files';
import { startWebHost } from '../../main/web/host';
import { ACCESS_LOG_MAX } from '../../common/quick-access';
import { asPage } from '../support/connection-calls';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser';
import { collectOwnGarbage, round, watchLoad } from './support/measure';
import { serveSandbox, startSandboxWorker } from './support/sandbox-worker';
import { mainResources, settle, type MainResources } from './support/soak-measure';

const { chromium } = createRequire(__filename)('@playwright/test') as typeof import('@playwright/test');
const root = path.resolve(__dirname, '..', '..');

const TARGETS = { growthPct: 5, resourcesDelta: 0 };
const QUICK_OPENINGS = 500;
const COPIES = 200;
/**
 * Three days: the warm-up has seen both connections, the daily switch and every view the week
 * uses, and it ends on the connection the week ends on (the page's heap holds the list shown).
 */
const WARM_UP_HOURS = 72;

interface Settings {
  hours: number;
  tokens: number;
}

function settings(): Settings {
  const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return { hours: Number(arg('hours') ?? 24 * 7), tokens: Number(arg('tokens') ?? 10_000) };
}

async function sandboxWorker(s: Settings): Promise<void> {
  await serveSandbox({ seed: 21, accounts: [{ type: 'Client', tokens: Math.ceil(s.tokens * 1.021) }, { type: 'Vendor', tokens: 500 }] });
}

/** How many of `total` events fall in hour `h` of `hours` (spread evenly). */
const share = (total: number, h: number, hours: number) => Math.floor(((h + 1) * total) / hours) - Math.floor((h * total) / hours);

async function main(s: Settings): Promise<number> {
  const load = watchLoad();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-soak-'));
  const sandbox = await startSandboxWorker(__filename, s);
  const files = dataFileOptions(dir);
  const services = createCoreServices({
    settingsStore: await createConfStore(files.settings),
    cacheStore: await createConfStore(files.cache),
    secretStore: createMemorySecretStore(),
    clipboard: (() => {
      let text = '';
      return { writeText: (t: string) => void (text = t), readText: () => text };
    })(),
  });
  // Copies clear again at once: 200 copies and their clears within the run, not 200 × 30 s.
  services.clipboard.setClearAfterMs(1);
  const dispatch = asPage(services, createDispatch(createHandlerTable(services)));
  const ctx: HandlerContext = { host: 'browser', emit: () => undefined };
  const call = async (channel: string, input: unknown = {}) => {
    const r = await dispatch(channel as never, input, ctx as never);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as never;
  };
  const failures: string[] = [];
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  let host: Awaited<ReturnType<typeof startWebHost>> | null = null;
  try {
    // Two connections; a few stored values in each (what Quick Access lists and copies).
    const profiles: Array<{ id: string; adminToken: string; values: string[] }> = [];
    for (const account of sandbox.accounts) {
      const profile = (await call('connections.add', { name: `${account.type} (soak)`, baseUrl: sandbox.url, token: account.adminToken })) as { id: string };
      const list = (await call('tokens.sync')) as { tokens: Array<{ id: string; status: string }> };
      // Never the connection's own admin token: disabling it would lock the connection out.
      const adminId = account.adminToken.split(':')[1];
      const values = list.tokens.filter((t) => t.status === 'Active' && t.id !== adminId).slice(0, 20);
      for (const t of values) await services.vault.setTokenValue(profile.id, t.id, `idt:${t.id}:${'s'.repeat(64)}`);
      profiles.push({ id: profile.id, adminToken: account.adminToken, values: values.map((t) => t.id) });
    }
    await call('connections.switch', { id: profiles[0]!.id });

    host = await startWebHost({ dispatch: dispatch as never, rendererDir: path.join(root, 'dist/renderer'), bridgeScript: path.join(root, 'dist/web/desk-bridge.js') });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => failures.push(`page error: ${String(e)}`));
    // The token list's own address: `/` with a saved connection starts on the Overview.
    await page.goto(host.url.replace('/#', '/tokens#'));
    await page.locator('[role="row"][data-row-id]').first().waitFor({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    const nav = (name: string) => page.getByRole('button', { name, exact: true }).or(page.getByRole('link', { name, exact: true })).first().click();

    let active = 0;
    let flip = 0;
    let base: { main: MainResources; pageHeap: number } | null = null;
    for (let h = 0; h < s.hours; h++) {
      const p = profiles[active]!;
      if (h > 0 && h % 24 === 0) {
        // The day's connection switch, from the page, as a user does it; then the audit log and back.
        active = 1 - active;
        await nav('Connections');
        await page.getByRole('listitem', { name: `${sandbox.accounts[active]!.type} (soak)` }).getByRole('button', { name: /Switch to/ }).click();
        await nav('API tokens');
        await page.locator('[role="row"][data-row-id]').first().waitFor({ timeout: 60_000 });
        await nav('Audit log');
        await page.waitForTimeout(200);
        await nav('API tokens');
        await page.locator('[role="row"][data-row-id]').first().waitFor({ timeout: 60_000 });
      }
      // Someone changes a token; the hourly refresh brings it (a delta).
      const api = createMarketplaceClient({ baseUrl: sandbox.url, token: profiles[active]!.adminToken, appVersion: 'soak' });
      const target = profiles[active]!.values[h % profiles[active]!.values.length]!;
      await (flip++ % 2 === 0 ? api.tokens.disable(target) : api.tokens.enable(target));
      await call('tokens.sync', { packed: true });
      for (let k = 0; k < share(QUICK_OPENINGS, h, s.hours); k++) await call('quick.list');
      for (let k = 0; k < share(COPIES, h, s.hours); k++) {
        await call('quick.copy', { connectionId: profiles[active]!.id, id: p.values[(h + k) % p.values.length]! }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 5)); // its clear
      }
      if (h % 6 === 0) await call('audit.syncAccount');
      if (h === WARM_UP_HOURS - 1) {
        await settle();
        base = { main: mainResources(), pageHeap: await pageHeap() };
      }
    }
    await settle();
    const end = { main: mainResources(), pageHeap: await pageHeap() };
    const pct = (a: number, b: number) => round(((b - a) / a) * 100);
    const b = base!;
    const left = fs.readdirSync(dir);
    const accessEntries = ((await call('accessLog.list', { limit: ACCESS_LOG_MAX })) as { entries: unknown[] }).entries.length;
    const result = {
      bench: 'soak',
      load1m: load.end(),
      hours: s.hours,
      tokens: s.tokens,
      mainHeapGrowthPct: pct(b.main.heapUsed, end.main.heapUsed),
      mainRssGrowthPct: pct(b.main.rss, end.main.rss),
      pageHeapGrowthPct: pct(b.pageHeap, end.pageHeap),
      handlesDelta: end.main.handles - b.main.handles,
      timersDelta: end.main.timers - b.main.timers,
      listenersDelta: end.main.listeners - b.main.listeners,
      files: {
        names: left.sort(),
        bytes: Object.fromEntries(left.map((f) => [f, fs.statSync(path.join(dir, f)).size])),
        accessLogEntries: accessEntries,
      },
      targets: { ...TARGETS, accessLogMax: ACCESS_LOG_MAX },
      details: {
        afterWarmUp: { ...b.main, pageHeap: b.pageHeap },
        atEnd: { ...end.main, pageHeap: end.pageHeap },
      },
    };
    const checks: Array<[boolean, string]> = [
      [result.mainHeapGrowthPct <= TARGETS.growthPct, `main heap grew ${result.mainHeapGrowthPct} %`],
      [result.mainRssGrowthPct <= TARGETS.growthPct, `main RSS grew ${result.mainRssGrowthPct} %`],
      [result.pageHeapGrowthPct <= TARGETS.growthPct, `page heap grew ${result.pageHeapGrowthPct} %`],
      [result.handlesDelta <= TARGETS.resourcesDelta, `${result.handlesDelta} more open handles`],
      [result.timersDelta <= TARGETS.resourcesDelta, `${result.timersDelta} more timers`],
      [result.listenersDelta <= TARGETS.resourcesDelta, `${result.listenersDelta} more listeners`],
      [!left.some((f) => f.includes('.tmp')), 'a temp file was left in the data folder'],
      [left.filter((f) => f.startsWith('tokens-')).length <= profiles.length, 'more token list files than connections'],
      [accessEntries <= ACCESS_LOG_MAX, `the access log holds ${accessEntries} entries`],
    ];
    for (const [ok, what] of checks) if (!ok) failures.push(what);
    console.log(JSON.stringify({ ...result, failures }));
    for (const f of failures) console.error(`MISSED: ${f}`);
    return failures.length === 0 || process.env.BENCH_NO_FAIL === '1' ? 0 : 1;
  } finally {
    await browser?.close();
    await host?.close();
    await services.dispose();
    sandbox.close();
    collectOwnGarbage();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main(settings()).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exit(2);
    },
  );
} else {
  void sandboxWorker(workerData as Settings);
}
