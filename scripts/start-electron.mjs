#!/usr/bin/env node
/**
 * `npm start`: launches the desktop app. Electron 45 has no install script of its own (it
 * downloads on the first `require('electron')`, which prints a stack when that fails), so a
 * missing runtime is fetched here with Electron's own installer, its progress on screen.
 * Only when that is not possible does this print one line: the reason and the way on.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { findElectronBinary } = createRequire(import.meta.url)('./electron-binary.cjs');
// What Electron's installer (@electron/get 5) declares in its package.json engines.
const INSTALLER_NODE = [22, 12];

function giveUp(reason) {
  console.error(`Token Desk: cannot start the desktop app: ${reason}. Use the browser host instead: \`npm run serve\`.`);
  process.exit(1);
}

function nodeTooOld() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major < INSTALLER_NODE[0] || (major === INSTALLER_NODE[0] && minor < INSTALLER_NODE[1]);
}

function installRuntime(reason) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) giveUp(`${reason}; ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded now`);
  console.log('Token Desk: the Electron runtime is missing; downloading it with Electron’s installer…');
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `it exited with code ${result.status ?? result.signal}, see its output above`;
    const hint = nodeTooOld() ? ` (it needs Node.js ${INSTALLER_NODE.join('.')} or newer; this is ${process.versions.node})` : '';
    giveUp(`Electron’s installer failed: ${why}${hint}`);
  }
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
