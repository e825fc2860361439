#!/usr/bin/env node
/**
 * `npm start`: launches the desktop app. Electron 45 has no install script of its own (it
 * downloads on the first `require('electron')`, which prints a stack when that fails), so a
 * missing runtime is fetched here with Electron's own installer, its progress on screen.
 * Only when that is not possible does this print one line: the reason and the way on, never a
 * stack trace (installer-hook.cjs and installer-failure.cjs turn the installer's into words).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Anything unforeseen still ends in the one line, not a stack trace.
process.on('uncaughtException', (error) => giveUp(error instanceof Error ? error.message : String(error)));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { findElectronBinary } = require('./electron-binary.cjs');
const { installerFailure } = require('./installer-failure.cjs');

function giveUp(reason) {
  console.error(`Token Desk: cannot start the desktop app: ${reason}. Use the browser host instead: \`npm run serve\`.`);
  process.exit(1);
}

function installRuntime(reason) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) giveUp(`${reason}; ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded now`);
  console.log('Token Desk: the Electron runtime is missing; downloading it with Electron’s installer…');
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  const hook = path.join(root, 'scripts', 'installer-hook.cjs');
  // The installer's error output arrives on the fourth pipe (fd 3), its progress on the terminal.
  const result = spawnSync(process.execPath, ['--no-warnings', '--require', hook, installer], { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'pipe'] });
  if (result.error) giveUp(`Electron’s installer did not run (${result.error.message})`);
  if (result.status !== 0) giveUp(installerFailure(String(result.output[3] ?? '') || `it exited with code ${result.status ?? result.signal}`));
}

let binary = findElectronBinary(root);
if (!binary.path) {
  if (!binary.installable) giveUp(binary.reason);
  installRuntime(binary.reason);
  binary = findElectronBinary(root);
  if (!binary.path) giveUp(`Electron’s installer finished but ${binary.reason}`);
}
const child = spawn(binary.path, [root], { stdio: 'inherit' });
child.on('error', (error) => giveUp(`the Electron runtime at ${binary.path} did not run (${error.message})`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
