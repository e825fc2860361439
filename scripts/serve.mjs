#!/usr/bin/env node
/**
 * `npm run serve`: checks the flags, builds, then runs the browser host in this process.
 * The flags are read by main/web/server-args.ts, the same code the host uses, loaded here
 * straight from its source (esbuild turns that one file into JavaScript in memory), so that
 * `--help` and a mistyped flag are answered at once instead of after a whole build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function loadServerArgs() {
  const source = fs.readFileSync(path.join(root, 'main', 'web', 'server-args.ts'), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const { parseServerArgs, SERVER_USAGE } = await loadServerArgs();
let args;
try {
  args = parseServerArgs(process.argv.slice(2));
} catch (error) {
  console.error(`Token Desk browser host: ${error.message} See \`npm run serve -- --help\`.`);
  process.exit(2);
}
if (args.help) {
  console.log(SERVER_USAGE);
  process.exit(0);
}

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// In this process: the host reads the same process.argv, and Ctrl+C reaches it directly.
createRequire(import.meta.url)(path.join(root, 'dist', 'web', 'server.cjs'));
