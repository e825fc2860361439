#!/usr/bin/env node
/**
 * Builds every bundle: Vite for the renderer (React), esbuild for the Node and
 * preload side (main, preload, browser host, its bridge script, sandbox CLI,
 * benchmarks). Runtime dependencies stay external so electron-builder ships
 * them from node_modules (keytar is native and must not be bundled).
 *   node scripts/build.mjs                 everything
 *   node scripts/build.mjs --only=sandbox  just the sandbox CLI
 */
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

const node = (entry, outfile, extra = {}) => ({
  entryPoints: [path.join(root, entry)],
  outfile: path.join(root, 'dist', outfile),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  logLevel: 'warning',
  ...extra,
});

const targets = {
  main: node('main/index.ts', 'main/index.cjs'),
  preload: node('preload/index.ts', 'preload/index.cjs', { platform: 'browser', target: 'chrome120', external: ['electron'] }),
  // Minified: the page parses it before anything else, on the way to its first row.
  bridge: node('preload/web.ts', 'web/desk-bridge.js', { platform: 'browser', format: 'iife', target: 'chrome120', external: [], minify: true }),
  web: node('main/web/server.ts', 'web/server.cjs'),
  // The leak scan's worker sits beside each bundle that starts it (main/core/leaks/scanner.ts).
  leaksWorker: node('main/core/leaks/worker.ts', 'main/leaks-worker.cjs'),
  leaksWorkerWeb: node('main/core/leaks/worker.ts', 'web/leaks-worker.cjs'),
  sandbox: node('main/sandbox/cli.ts', 'sandbox/cli.cjs'),
};

function benchTargets() {
  const dir = path.join(root, 'tests', 'bench');
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => [`bench:${f}`, node(`tests/bench/${f}`, `bench/${f.replace(/\.ts$/, '.cjs')}`)]),
  );
}

async function main() {
  const started = Date.now();
  const all = { ...targets, ...benchTargets() };
  const selected = only ? Object.entries(all).filter(([name]) => name === only) : Object.entries(all);
  const present = selected.filter(([, options]) => fs.existsSync(options.entryPoints[0]));
  await Promise.all(present.map(([, options]) => esbuild(options)));
  if (!only) {
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    fs.cpSync(path.join(root, 'resources'), path.join(root, 'dist', 'resources'), { recursive: true });
  }
  console.log(`built ${present.map(([n]) => n).join(', ')}${only ? '' : ', renderer'} in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
