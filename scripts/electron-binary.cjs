/**
 * Where the Electron runtime is, without triggering a download: a plain
 * `require('electron')` tries to download a missing binary (and prints a stack when it
 * cannot). Mirrors node_modules/electron/index.js otherwise.
 * Returns { path } or { reason, installable }: `installable` says whether Electron's own
 * installer (node_modules/electron/install.js) could put the runtime where this looks.
 */
const fs = require('node:fs');
const path = require('node:path');

function findElectronBinary(root = path.resolve(__dirname, '..')) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkgDir)) return { reason: 'the electron package is not installed (run npm install)', installable: false };
  const pathFile = path.join(pkgDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    // The installer always extracts into node_modules/electron/dist, so it cannot fill an override folder.
    return fs.existsSync(candidate)
      ? { path: candidate }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${candidate})`, installable: false };
  }
  if (executable && fs.existsSync(path.join(pkgDir, 'dist', executable))) return { path: path.join(pkgDir, 'dist', executable) };
  return {
    reason: 'the Electron runtime was not downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or without network access)',
    installable: fs.existsSync(path.join(pkgDir, 'install.js')),
  };
}

module.exports = { findElectronBinary };
