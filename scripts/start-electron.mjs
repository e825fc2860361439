#!/usr/bin/env node
/** `npm start`: launches the desktop app, or says in one line why it cannot and how to fix it. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { findElectronBinary } = createRequire(import.meta.url)('./electron-binary.cjs');

const binary = findElectronBinary(root);
if (!binary.path) {
  console.error(
    `Token Desk: cannot start the desktop app: ${binary.reason}. Fix: run \`node node_modules/electron/install.js\` on a machine with internet access, then \`npm start\` — or use the browser host now: \`npm run serve\`.`,
  );
  process.exit(1);
}
const child = spawn(binary.path, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
