/**
 * The cold-start part of the scale benchmark (scale.bench.ts): the real browser host started on a
 * data folder with the list cached; navigation to the first painted row.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCoreServices } from '../../../main/core/services';
import { createConfStore } from '../../../main/core/store';
import { createKeytarSecretStore } from '../../../main/core/vault';
import { dataFileOptions } from '../../../main/core/data-files';
import type { ApiToken } from '../../../common/domain';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { median } from './sandbox-worker';

const { chromium } = createRequire(__filename)('@playwright/test') as typeof import('@playwright/test');
// Bundled into dist/bench/scale.bench.cjs (scripts/build.mjs): __dirname is dist/bench there.
const root = path.resolve(__dirname, '..', '..');

export async function coldStart(sandboxUrl: string, adminToken: string, tokens: readonly ApiToken[], runs: number) {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return { skipped: 'no Secret Service (run under dbus-run-session with gnome-keyring)', runsMs: [] as number[] };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-scale-'));
  const service = `token-desk-bench-${process.pid}`;
  const files = dataFileOptions(dataDir);
  const secrets = createKeytarSecretStore(service);
  const services = createCoreServices({ settingsStore: await createConfStore(files.settings), cacheStore: await createConfStore(files.cache), secretStore: secrets, clipboard: { writeText: () => undefined, readText: () => '' } });
  const profile = await services.connections.add({ name: 'Operations (bench)', baseUrl: sandboxUrl, token: adminToken });
  services.cache.putTokens(profile.id, tokens, new Date().toISOString(), null);
  await services.dispose(); // writes the list file
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const runsMs: number[] = [];
  const phases: Array<Record<string, number> & { calls: Array<[string, number, number]> }> = [];
  try {
    for (let r = 0; r < runs; r++) {
      const host: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_PROFILE_HOST ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_HOST}`] : []), path.join(root, 'dist', 'web', 'server.cjs'), '--data-dir', dataDir], { env: { ...process.env, TOKEN_DESK_KEYCHAIN_SERVICE: service }, stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let text = '';
          host.stdout!.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            const m = /TOKEN_DESK_URL=(\S+)/.exec(text);
            if (m) resolve(m[1]!);
          });
          host.once('exit', (code) => reject(new Error(`the browser host exited (${code})`)));
        });
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await page.addInitScript(() => {
          const w = window as any;
          w.__firstPaint = null;
          w.__wholePaint = null;
          // The first paint after the whole list is in the store, timed in the page as the first row is
          // (asked from the harness, its own round trips would be in the figure).
          const mark = performance.mark.bind(performance);
          performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
            if (name === 'tokens:data') requestAnimationFrame(() => setTimeout(() => (w.__wholePaint ??= performance.now()), 0));
            return mark(name, options);
          }) as typeof performance.mark;
          w.__longest = 0;
          w.__calls = [];
          // Each call the page makes through the bridge: [channel, asked, answered] (ms from navigation).
          let desk: any;
          Object.defineProperty(w, 'desk', {
            configurable: true,
            get: () => desk,
            set(bridge: any) {
              desk = {
                ...bridge,
                invoke(channel: string, input: unknown) {
                  const call = [channel, Math.round(performance.now()), -1];
                  w.__calls.push(call);
                  return bridge.invoke(channel, input).finally(() => (call[2] = Math.round(performance.now())));
                },
              };
            },
          });
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
          }).observe({ type: 'longtask', buffered: true });
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[role="row"][data-row-id]')) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => (w.__firstPaint = performance.now()), 0));
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        // BENCH_PROFILE_COLD=<file>: a CPU profile of the page's first start, to the whole list painted.
        // (BENCH_PROFILE_HOST=<dir>: the host's, written when it stops.)
        const profiler = process.env.BENCH_PROFILE_COLD && r === 0 ? await page.context().newCDPSession(page) : null;
        if (profiler) {
          await profiler.send('Profiler.enable');
          await profiler.send('Profiler.start');
        }
        // BENCH_TRACE_COLD=<file>: a Chrome trace of the first start (what each thread did, and when).
        const tracing = Boolean(process.env.BENCH_TRACE_COLD) && r === 0;
        if (tracing) await browser.startTracing(page, { path: process.env.BENCH_TRACE_COLD!, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink', 'v8'] });
        // The token list's own address: `/` with a saved connection starts on the Overview.
        await page.goto(url.replace('/#', '/tokens#'));
        await page.waitForFunction(() => (window as any).__firstPaint !== null, undefined, { timeout: 60_000 });
        runsMs.push(await page.evaluate(() => (window as any).__firstPaint as number));
        // Then the whole list (a big list's first screen comes first): in the store, and painted.
        await page.waitForFunction(() => (window as any).__wholePaint !== null, undefined, { timeout: 60_000 });
        const wholePaint = (await page.evaluate(() => (window as any).__wholePaint)) as number;
        if (profiler) fs.writeFileSync(process.env.BENCH_PROFILE_COLD!, JSON.stringify((await profiler.send('Profiler.stop')).profile));
        if (tracing) await browser.stopTracing();
        phases.push(
          await page.evaluate((whole) => {
            const at = (n: string) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? NaN);
            return { ask: at('tokens:ask'), loadStart: at('tokens:load-start'), firstScreen: at('tokens:first-screen'), paint: Math.round((window as any).__firstPaint), reply: at('tokens:reply'), data: at('tokens:data'), wholeListPaint: Math.round(whole), longestTask: Math.round((window as any).__longest), calls: (window as any).__calls };
          }, wholePaint),
        );
        await page.close();
      } finally {
        host.kill('SIGTERM');
        await new Promise((r) => host.once('exit', r));
      }
    }
  } finally {
    await browser.close();
    for (const account of await secrets.list().catch(() => [])) await secrets.delete(account).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  // Per run, ms from navigation: the page asks (as it starts), the tokens page is mounted, the
  // first screen is in the store and painted (the first row: coldStartMs), the whole list's reply
  // arrives, the whole list is in the store, and painted; the page's longest task until then;
  // and every call the page made, asked and answered (where a wait came from: main or the page).
  return { runsMs, phases, wholeListPaintMs: median(phases.map((p) => p.wholeListPaint!)), pageLongestTaskMs: median(phases.map((p) => p.longestTask!)) };
}
