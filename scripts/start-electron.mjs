#!/usr/bin/env node
/** `npm start`: launches the desktop app, or says in one line why it cannot. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let electronPath;
try {
  electronPath = require('electron'); // the npm package's index returns the binary path, or throws without it
} catch {
  electronPath = undefined;
}
if (typeof electronPath !== 'string') {
  console.error(
    'Token Desk: the Electron runtime is not installed (its download was skipped). Fix: `npx electron install` or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD, then `npm start`; or use the browser host: `npm run serve`.',
  );
  process.exit(1);
}
const child = spawn(electronPath, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
