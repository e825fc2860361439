/**
 * The page side of the overview bench (overview.bench.ts): the built renderer in Chromium at
 * `/overview`, with a fake bridge that holds `overview.get` until the page is idle and then
 * answers with main's numbers; `paintMs` runs from the page's `overview:data` mark to its
 * `overview:paint` mark (ui/timing.ts), or, on a page without them, from the answer to the first
 * frame painted after the page's next DOM change (React commits the page in one go). Also the size of the first
 * screen's JavaScript: every script the page loaded until then, gzipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Overview } from '../../../common/overview';
import { quantile } from './measure';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveStatic } from './browser';

const { chromium } = createRequire(__filename)('@playwright/test') as typeof import('@playwright/test');
// Bundled into dist/bench/overview.bench.cjs (scripts/build.mjs): __dirname is dist/bench there.
const rendererDir = process.env.BENCH_RENDERER_DIR ?? path.resolve(__dirname, '..', 'renderer');
const RUNS = 5;

const gzKB = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length / 1024;

/** The scripts index.html loads at once (entry and module preloads), gzipped, in KB. */
export function firstScreenKBgz(loaded?: readonly string[]): number {
  const files = loaded ?? staticScripts();
  return files.reduce((kb, rel) => kb + gzKB(path.join(rendererDir, rel)), 0);
}

function staticScripts(): string[] {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) out.add(m[1]!.replace(/^\//, ''));
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) out.add(m[1]!.replace(/^\//, ''));
  return [...out];
}

/** Whether the build has an Overview page at all: a route at `/overview` (every bundle names the channel). */
function hasOverviewPage(): boolean {
  const dir = path.join(rendererDir, 'assets');
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((f) => f.endsWith('.js') && /["'`]\/overview["'`]/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Runs in the page before its scripts: the fake bridge and the paint probe. */
function pageSetup({ overview }: { overview: Overview }) {
  const w = window as any;
  const now = new Date().toISOString();
  const connection = { id: overview.connections[0]?.id ?? 'bench', name: 'Bench', baseUrl: 'http://127.0.0.1:9/', account: { id: 'ACC-1111-1111', name: 'Stark Industries', type: 'Client' }, adminTokenId: 'TKN-0000-0001', sandbox: true, createdAt: now, lastUsedAt: now };
  const state = { connections: [connection], activeId: connection.id };
  const bench: any = (w.__bench = { answeredAt: null, paintAt: null });
  const answers: Record<string, () => unknown> = {
    'app.info': () => ({ name: 'Token Desk', version: 'bench', platform: 'linux', arch: 'x64', hostKind: 'browser', runtime: { node: '' } }),
    'connections.restore': () => ({ state, status: 'ok' }),
    'connections.list': () => state,
    'prefs.get': () => ({}),
    'tokens.cached': () => ({ tokens: [], fetchedAt: now, total: 0 }),
    'tokens.sync': () => new Promise(() => undefined),
    'rotation.list': () => ({ plans: [] }),
    'settings.get': () => ({ settings: {}, shortcut: null, secretClipboard: false }),
    'audit.syncAccount': () => ({ added: 0, total: overview.audit.total, fetchedAt: now, complete: true, capped: false }),
    // Held until the bench releases it: the clock starts when the numbers reach the page.
    'overview.get': () =>
      new Promise((resolve) => {
        w.__release = () => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => (bench.paintAt = performance.now()), 0));
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
          bench.answeredAt = performance.now();
          resolve(overview);
        };
      }),
  };
  w.desk = {
    async invoke(channel: string) {
      const answer = answers[channel];
      if (!answer) return { ok: false, error: { code: 'internal', message: `${channel} is not part of the bench` } };
      return { ok: true, value: await answer() };
    },
    on: () => () => undefined,
  };
}

/** The Overview page's paint after the numbers arrive (median of RUNS), and the scripts it loaded. */
export async function overviewPaint(overview: Overview): Promise<{ paintMs: number | null; note: string; firstScreenKBgz?: number }> {
  if (!hasOverviewPage()) return { paintMs: null, note: 'this build has no Overview page (nothing asks for overview.get)' };
  const server = await serveStatic(rendererDir);
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const paints: number[] = [];
  const scripts = new Set<string>();
  const errors: string[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (r === 0 && url.pathname.endsWith('.js')) scripts.add(url.pathname.replace(/^\//, ''));
      });
      await page.addInitScript(pageSetup, { overview });
      await page.goto(`http://127.0.0.1:${port}/overview`);
      await page.waitForFunction(() => typeof (window as any).__release === 'function', undefined, { timeout: 60_000 });
      await page.waitForTimeout(300);
      await page.evaluate(() => (window as any).__release());
      // The page's own marks (ui/timing.ts) when it sets them; else the probe's first frame after a change.
      await page.waitForFunction(() => (window as any).__bench.paintAt !== null && (performance.getEntriesByName('overview:paint').length > 0 || performance.now() - (window as any).__bench.paintAt > 2000), undefined, { timeout: 60_000 });
      paints.push(
        (await page.evaluate(() => {
          const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime;
          const data = mark('overview:data');
          const painted = mark('overview:paint');
          const b = (window as any).__bench;
          return data !== undefined && painted !== undefined ? painted - data : b.paintAt - b.answeredAt;
        })) as number,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const note = errors.length > 0 ? `page errors: ${errors.slice(0, 3).join(' | ')}` : `median of ${RUNS} runs`;
  return { paintMs: quantile(paints, 0.5), note, firstScreenKBgz: firstScreenKBgz([...scripts]) };
}
