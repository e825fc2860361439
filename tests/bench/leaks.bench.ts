/**
 * Leak scan speed: a generated tree (10,000 text files, about 200 MB) with planted token values,
 * older values without the prefix that match stored ones (as when Token Desk keeps any value,
 * every file is searched for them too) and look-alikes (bare ids, broken and over-long secrets,
 * a bare secret that is not stored), scanned by the real worker
 * (dist/main/leaks-worker.cjs); then the token table's keystroke-to-paint in Chromium while
 * scans keep running in this process's worker, and with no scan (`keystrokeP95AloneMs`, the
 * scan's share at this load). Prints one JSON object; exits non-zero when a
 * target is missed. Run: npm run bench -- leaks
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startScan, type ScanOutcome } from '../../main/core/leaks/scanner';
import { packTokenList } from '../../common/token-list-wire';
import { toTable } from '../../common/token-table-write';
import { maskTokenValues } from '../../common/token-value';
import type { TableToken } from '../../common/token-table';
import { tableBench } from './support/scale-table';
import { round, watchLoad } from './support/measure';

const TARGETS = { mbPerSecond: 50, treeMs: 5000, falsePositives: 0, keystrokeP95Ms: 33 };
const FILES = 10_000;
const FILE_BYTES = 20_000;
// Bundled into dist/bench/leaks.bench.cjs: the worker is beside main's bundle.
const WORKER = path.resolve(__dirname, '..', 'main', 'leaks-worker.cjs');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const alnum = (n: number) => Array.from({ length: n }, () => ALNUM[Math.floor(rand() * ALNUM.length)]).join('');
const id = () => `TKN-${String(1000 + Math.floor(rand() * 9000))}-${String(1000 + Math.floor(rand() * 9000))}`;

/** Secrets Token Desk "stores": some are planted bare (older values), the others nowhere. */
const STORED = Array.from({ length: 50 }, () => alnum(64));
const STORED_DIGESTS = STORED.map((s) => createHash('sha256').update(s).digest('hex'));

function makeTree(root: string): Set<string> {
  const planted = new Set<string>();
  const filler = 'INFO 2026-12-03T10:00:00Z request handled path=/public/v1/accounts user=ACC-1234-5678 ms=12\n';
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, `d${i % 100}`);
    if (i < 100) fs.mkdirSync(dir, { recursive: true });
    let text = filler.repeat(Math.ceil(FILE_BYTES / filler.length));
    if (i % 50 === 0) {
      const value = `idt:${id()}:${alnum(64)}`;
      planted.add(value);
      const forms = [`TOKEN=${value}\n`, `{"token":"${value}"}\n`, `Authorization: Bearer ${value}\n`, `url=https://x/?t=${value.replace(/:/g, '%3A')}\n`];
      text = text.slice(0, 5000) + forms[i % 4] + text.slice(5000);
    }
    if (i % 37 === 0) text += `see ${id()} and idt:${id()}:${alnum(63)} and idt:${id()}:${alnum(65)} and idt:${id()}:${alnum(30)}-${alnum(33)} and OTHER=${alnum(64)}\n`;
    if (i % 500 === 250) {
      const old = STORED[(i - 250) / 500]!;
      planted.add(old);
      text = text.slice(0, 3000) + `OLD_TOKEN=${old}\n` + text.slice(3000);
    }
    fs.writeFileSync(path.join(dir, `f${i}.log`), text);
  }
  return planted;
}

function scan(root: string): Promise<ScanOutcome> {
  return startScan(WORKER, { folders: [root], maxFileBytes: 5 * 1024 * 1024, bareLengths: [64], bareDigests: STORED_DIGESTS, progressMs: 100 }, () => undefined).done;
}

async function main(): Promise<void> {
  const load = watchLoad();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-bench-'));
  try {
    const planted = makeTree(root);
    const started = performance.now();
    const outcome = await scan(root);
    const treeMs = performance.now() - started;
    const found = new Set(outcome.hits.map((h) => (h.tokenId === null ? h.secret : `idt:${h.tokenId}:${h.secret}`)));
    const falsePositives = [...found].filter((v) => !planted.has(v)).length;
    const mbPerSecond = outcome.counts.bytes / 1024 / 1024 / (treeMs / 1000);

    // The table while scans run: 10,000 rows in Chromium, scans looping in the worker meanwhile.
    const items: TableToken[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `TKN-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(1000 + i).slice(-4)}`, name: `${['pipeline', 'nightly sync', 'prod deploy', 'jenkins'][i % 4]} ${i}`, status: 'Active', account: { id: 'ACC-1111-2222', name: 'Stark' }, modules: [{ id: 'MOD-0478', name: 'Marketplace' }] }));
    const packed = packTokenList(toTable(items, maskTokenValues), { valueIds: new Set(), replacedBy: new Map(), replaces: new Map() });
    let scanning = true;
    let scansDuringTable = 0;
    const loop = (async () => {
      while (scanning) {
        await scan(root);
        scansDuringTable++;
      }
    })();
    const table = await tableBench(packed, 'ACC-1111-2222', items.length, 1);
    scanning = false;
    await loop;
    // The same table with no scan, right after: the scan's share of the figure at this load.
    const alone = await tableBench(packed, 'ACC-1111-2222', items.length, 1);
    const result = {
      bench: 'leaks',
      files: outcome.counts.files,
      mb: round(outcome.counts.bytes / 1024 / 1024),
      mbPerSecond: round(mbPerSecond),
      treeMs: round(treeMs),
      planted: planted.size,
      found: [...found].filter((v) => planted.has(v)).length,
      falsePositives,
      keystrokeP95Ms: round(table.keystrokeP95Ms[0] ?? NaN),
      keystrokeP95AloneMs: round(alone.keystrokeP95Ms[0] ?? NaN),
      scansDuringTable,
      tableErrors: [...table.errors, ...alone.errors],
      targets: TARGETS,
      load: load.end(),
      cpus: os.cpus().length,
    };
    console.log(JSON.stringify(result, null, 2));
    const misses = [
      [result.mbPerSecond >= TARGETS.mbPerSecond, 'throughput'],
      [result.treeMs <= TARGETS.treeMs, 'tree time'],
      [result.found === result.planted, 'planted found'],
      [result.falsePositives === 0, 'false positives'],
      [result.keystrokeP95Ms <= TARGETS.keystrokeP95Ms, 'keystroke p95'],
    ].filter(([ok]) => !ok);
    if (misses.length > 0) {
      console.error(`leaks bench missed: ${misses.map(([, what]) => what).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
