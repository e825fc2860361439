/**
 * The table part of the scale benchmark (scale.bench.ts): the built renderer in Chromium, with a
 * fake bridge answering with the packed list main sends; first render, keystroke and sort to
 * paint, JS heap.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { MODULE_BY_ID } from '../../../main/sandbox/modules-catalogue';
import { quantile } from './measure';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveStatic } from './browser';

const { chromium } = createRequire(__filename)('@playwright/test') as typeof import('@playwright/test');
// Bundled into dist/bench/scale.bench.cjs (scripts/build.mjs): __dirname is dist/bench there.
const root = path.resolve(__dirname, '..', '..');
const rendererDir = process.env.BENCH_RENDERER_DIR ?? path.join(root, 'dist', 'renderer');
/** Runs in the page before its scripts: a bridge answering with the packed list, and the measuring hooks. */
function pageSetup({ packed, accountId, modules }: { packed: string; accountId: string; modules: unknown[] }) {
  const w = window as any;
  const now = new Date().toISOString();
  const connection = { id: 'bench', name: 'Bench', baseUrl: 'http://127.0.0.1:9/', account: { id: accountId, name: 'Stark Industries', type: 'Client' }, adminTokenId: 'TKN-0000-0001', sandbox: true, createdAt: now, lastUsedAt: now };
  const state = { connections: [connection], activeId: connection.id };
  const answers: Record<string, () => unknown> = {
    'app.info': () => ({ name: 'Token Desk', version: 'bench', platform: 'linux', arch: 'x64', hostKind: 'browser', runtime: { node: '' } }),
    'connections.restore': () => ({ state, status: 'ok' }),
    'connections.list': () => state,
    'tokens.cached': () => ({ tokens: [], packed, fetchedAt: now }),
    // The refresh is held until the bench's own full sync (main's work, on the same cores) is
    // done; then it brings the list with that sync's changes (released from the bench).
    'tokens.sync': () => new Promise((r) => (w.__releaseSync = (after: string) => r({ tokens: [], packed: after, fetchedAt: now }))),
    'tokens.modules': () => ({ modules, source: 'api', partial: false }),
  };
  w.desk = {
    async invoke(channel: string) {
      const answer = answers[channel];
      if (!answer) return { ok: false, error: { code: 'internal', message: `${channel} is not part of the bench` } };
      return { ok: true, value: await answer() };
    },
    on: () => () => undefined,
  };
  const bench: any = (w.__bench = { firstRows: null, firstRowsPaint: null, firstPaint: null, samples: [] as unknown[], sort: null as null | { toPaint: number; firstRow: string | null }, longTasks: [] as Array<[number, number]> });
  // The page's long tasks (start, duration): what held its thread past 50 ms, and when.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // The first painted rows (a big list shows its first screen before the whole list is built) ...
  const observer = new MutationObserver(() => {
    if (bench.firstRows !== null || !document.querySelector('[role="row"][data-row-id]')) return;
    bench.firstRows = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (bench.firstRowsPaint = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
  // ... and the first paint after the whole list is in the store ('tokens:data'): the first render.
  const mark = performance.mark.bind(performance);
  performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
    if (name === 'tokens:data') requestAnimationFrame(() => setTimeout(() => (bench.firstPaint ??= performance.now()), 0));
    return mark(name, options);
  }) as typeof performance.mark;
  window.addEventListener(
    'keydown',
    (event) => {
      const target = event.target as HTMLElement | null;
      if (!target || target.getAttribute('type') !== 'search') return;
      const t0 = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => bench.samples.push({ key: event.key, toPaint: performance.now() - t0 }), 0));
    },
    true,
  );
  window.addEventListener(
    'click',
    (event) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest('.sort-button')) return;
      const t0 = event.timeStamp;
      requestAnimationFrame(() =>
        setTimeout(() => (bench.sort = { toPaint: performance.now() - t0, firstRow: document.querySelector('[role="row"][data-row-id]')?.getAttribute('data-row-id') ?? null }), 0),
      );
    },
    true,
  );
}

/** The typing of the keystroke figures: words typed and deleted again (the box is empty after each round). */
const KEYS = [...'pipeline', ...Array<string>(8).fill('Backspace'), ...'nightly sync prod', ...Array<string>(17).fill('Backspace')];

/** A refresh in the background: main's full sync (run by the bench on the same cores), then the list it brings. */
export interface BackgroundSync {
  sync(): Promise<unknown>;
  /** The packed list the refresh answers with (the cached one with the sync's changes). */
  packedAfter: string;
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

/** Answers the page's held refresh with `packed` (once the page has asked). */
async function releaseSync(page: Page, packed: string): Promise<void> {
  await page.waitForFunction(() => typeof (window as any).__releaseSync === 'function', undefined, { timeout: 60_000 });
  await page.evaluate((p) => (window as any).__releaseSync(p), packed);
}

/** Presses `key` and waits for its sample (keydown → rows painted). */
async function press(page: Page, key: string, i: number, samplesBefore: number): Promise<void> {
  await page.waitForTimeout((i * 7) % 17);
  await page.keyboard.press(key);
  await page.waitForFunction((n) => (window as any).__bench.samples.length >= n, samplesBefore + i + 1);
}

/**
 * Typing while the refresh runs: whole rounds of KEYS until main's sync is done and its list has
 * reached the page (and been built into rows), so both the sync's CPU and the reply's unpacking
 * fall among the keystrokes. Returns the samples and the page's long tasks meanwhile.
 */
async function typeDuringSync(page: Page, background: BackgroundSync) {
  const startedAt = (await page.evaluate(() => performance.now())) as number;
  const before = (await page.evaluate(() => (window as any).__bench.samples.length)) as number;
  let synced = false;
  const sync = background.sync().then(() => (synced = true));
  let released = false;
  let afterRelease = 0;
  let i = 0;
  // At most 8 rounds: a sync that never ends must not keep the bench typing.
  while (i < KEYS.length * 8) {
    await press(page, KEYS[i % KEYS.length]!, i, before);
    i++;
    if (synced && !released) {
      await releaseSync(page, background.packedAfter);
      released = true;
    }
    if (released) afterRelease++;
    if (released && afterRelease >= 10 && i % KEYS.length === 0) break;
  }
  await sync;
  if (!released) await releaseSync(page, background.packedAfter);
  return page.evaluate(
    ({ from, t0 }) => {
      const b = (window as any).__bench;
      return {
        samples: (b.samples as { toPaint: number }[]).slice(from).map((x) => x.toPaint),
        longestTaskMs: Math.max(0, ...(b.longTasks as Array<[number, number]>).filter(([at]) => at >= t0).map(([, d]) => d)),
      };
    },
    { from: before, t0: startedAt },
  );
}

export async function tableBench(packed: string, accountId: string, tokenCount: number, runs: number, background?: BackgroundSync) {
  const server = await serveStatic(rendererDir);
  const port = (server.address() as AddressInfo).port;
  const modules = [...MODULE_BY_ID.values()].map((m) => ({ id: m.id, name: m.name, description: m.description }));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  const out = { keystrokeDuringSyncP95Ms: [] as number[], pageLongestTaskDuringSyncMs: [] as number[], pageLongestTaskMs: [] as number[], firstRowsPaintMs: [] as number[], firstRenderMs: [] as number[], firstRowsFromReplyMs: [] as number[], fromReplyMs: [] as number[], fromLoadStartMs: [] as number[], keystrokeP95Ms: [] as number[], keystrokeMedianMs: [] as number[], sortMs: [] as number[], heapMB: [] as number[], rowCount: 0, errors: [] as string[] };
  try {
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('pageerror', (e) => out.errors.push(String(e)));
      await page.addInitScript(pageSetup, { packed, accountId, modules });
      // BENCH_PROFILE=<file>: a CPU profile of the first load (for finding what to make faster).
      const profiler = process.env.BENCH_PROFILE && r === 0 ? await page.context().newCDPSession(page) : null;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.start');
      }
      // The token list's own address: `/` with a saved connection starts on the Overview.
      await page.goto(`http://127.0.0.1:${port}/tokens`);
      await page.waitForFunction(() => (window as any).__bench.firstPaint !== null, undefined, { timeout: 60_000 });
      if (profiler) fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profiler.send('Profiler.stop')).profile));
      const search = page.getByRole('searchbox', { name: 'Search' });
      await search.click();
      if (background) {
        // BENCH_TRACE_SYNC=<file>: a Chrome trace of the typing during the background sync.
        const tracingSync = Boolean(process.env.BENCH_TRACE_SYNC) && r === 0;
        if (tracingSync) await browser.startTracing(page, { path: process.env.BENCH_TRACE_SYNC!, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'] });
        const during = await typeDuringSync(page, background);
        if (tracingSync) {
          await browser.stopTracing();
          console.error(JSON.stringify(during.samples.map(Math.round)));
        }
        out.keystrokeDuringSyncP95Ms.push(quantile(during.samples, 0.95));
        out.pageLongestTaskDuringSyncMs.push(during.longestTaskMs);
      } else {
        await releaseSync(page, packed);
      }
      await page.waitForFunction(() => !document.body.textContent?.includes('Refreshing'), undefined, { timeout: 60_000 });
      await page.waitForTimeout(500);
      const first = await page.evaluate(() => {
        const b = (window as any).__bench;
        const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        return { loadStart: mark('tokens:load-start'), reply: mark('tokens:reply'), data: mark('tokens:data'), firstPaint: b.firstPaint as number, firstRowsPaint: b.firstRowsPaint as number, rowCount: Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0) - 1 };
      });
      // The longest task of the whole run so far: the launch (the list's unpacking) and the refresh.
      out.pageLongestTaskMs.push((await page.evaluate(() => Math.max(0, ...((window as any).__bench.longTasks as Array<[number, number]>).map(([, d]) => d)))) as number);
      out.firstRowsPaintMs.push(first.firstRowsPaint);
      out.rowCount = first.rowCount;
      out.firstRenderMs.push(first.firstPaint - first.data);
      out.firstRowsFromReplyMs.push(first.firstRowsPaint - first.reply);
      out.fromReplyMs.push(first.firstPaint - first.reply);
      out.fromLoadStartMs.push(first.firstPaint - first.loadStart);

      const typedBefore = (await page.evaluate(() => (window as any).__bench.samples.length)) as number;
      // BENCH_TRACE_KEYS=<file>: a Chrome trace (devtools.timeline) of the typing, with the per-key samples on stderr.
      const tracing = Boolean(process.env.BENCH_TRACE_KEYS) && r === 0;
      if (tracing) await browser.startTracing(page, { path: process.env.BENCH_TRACE_KEYS!, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      const keysProfiler = process.env.BENCH_PROFILE_KEYS && r === 0 ? await page.context().newCDPSession(page) : null;
      if (keysProfiler) {
        await keysProfiler.send('Profiler.enable');
        await keysProfiler.send('Profiler.start');
      }
      for (let i = 0; i < KEYS.length; i++) await press(page, KEYS[i]!, i, typedBefore);
      if (keysProfiler) fs.writeFileSync(process.env.BENCH_PROFILE_KEYS!, JSON.stringify((await keysProfiler.send('Profiler.stop')).profile));
      const samples = ((await page.evaluate(() => (window as any).__bench.samples)) as { key: string; toPaint: number }[]).slice(typedBefore);
      if (tracing) await browser.stopTracing();
      // BENCH_KEYS_LOG=1: every key's time to paint on stderr (which keys make the p95).
      if (tracing || process.env.BENCH_KEYS_LOG) console.error(JSON.stringify(samples.map((x) => [x.key, Math.round(x.toPaint)])));
      out.keystrokeP95Ms.push(quantile(samples.map((s) => s.toPaint), 0.95));
      out.keystrokeMedianMs.push(quantile(samples.map((s) => s.toPaint), 0.5));

      // Sort by the API token column (name: a string collation over every row), then measure.
      const before = await page.evaluate(() => document.querySelector('[role="row"][data-row-id]')?.getAttribute('data-row-id'));
      const sortProfiler = process.env.BENCH_PROFILE_SORT && r === 0 ? await page.context().newCDPSession(page) : null;
      if (sortProfiler) {
        await sortProfiler.send('Profiler.enable');
        await sortProfiler.send('Profiler.start');
      }
      await page.locator('.sort-button', { hasText: 'API token' }).first().click();
      await page.waitForFunction(() => (window as any).__bench.sort !== null, undefined, { timeout: 30_000 });
      if (sortProfiler) fs.writeFileSync(process.env.BENCH_PROFILE_SORT!, JSON.stringify((await sortProfiler.send('Profiler.stop')).profile));
      const sort = (await page.evaluate(() => (window as any).__bench.sort)) as { toPaint: number; firstRow: string | null };
      if (sort.firstRow === before) out.errors.push('sorting by name did not change the first row');
      out.sortMs.push(sort.toPaint);

      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      out.heapMB.push((metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (out.rowCount !== tokenCount) out.errors.push(`the grid showed ${out.rowCount} rows, not ${tokenCount}`);
  return out;
}
