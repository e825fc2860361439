#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark bundled into dist/bench/ (see scripts/build.mjs),
 * one after the other so they do not disturb each other, and passes their JSON through.
 *   npm run bench                 all of them
 *   npm run bench -- sync table   only those whose name contains a word
 * Exits non-zero when a benchmark misses its target (each decides and says why).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'dist', 'bench');
const wanted = process.argv.slice(2);
const benches = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
  .filter((f) => f.endsWith('.bench.cjs'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (benches.length === 0) {
  console.error('No benchmarks found in dist/bench — run `npm run build` first.');
  process.exit(1);
}
let failed = 0;
for (const bench of benches) {
  console.log(`\n# ${bench}`);
  // --expose-gc: a bench may collect its own garbage before measuring something else (scale.bench.ts).
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(dir, bench)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
// With BENCH_NO_FAIL=1 a bench exits 0 whatever it measured: its misses are only in its output.
if (process.env.BENCH_NO_FAIL === '1') console.log(`\n${benches.length} benchmarks ran (BENCH_NO_FAIL=1: their misses are the MISSED lines above, not counted here).`);
else console.log(`\n${benches.length - failed} benchmarks met their targets, ${failed} did not.`);
process.exit(failed === 0 ? 0 : 1);
