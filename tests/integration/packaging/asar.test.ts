/**
 * What the installed app will contain: electron-builder packs the real build into
 * app.asar. The Electron runtime cannot be downloaded here, so a stand-in folder takes
 * its place (ARCHITECTURE.md); the archive itself is real. Needs `npm run build` first
 * (npm test builds before it runs vitest).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json';

const root = path.resolve(__dirname, '../../..');
const built = fs.existsSync(path.join(root, 'dist/main/index.cjs')) && fs.existsSync(path.join(root, 'dist/renderer/index.html'));
if (!built) console.warn('[packaging] skipped: no build in dist/ — run `npm run build` first (npm test does).');

describe.skipIf(!built)('app.asar built by electron-builder', () => {
  let files: string[] = [];
  let unpacked: string;

  beforeAll(() => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-pack-'));
    const standin = path.join(work, 'electron-dist');
    fs.mkdirSync(standin);
    fs.writeFileSync(path.join(standin, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const out = path.join(work, 'release');
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        `-c.electronDist=${standin}`,
        `-c.electronVersion=${pkg.devDependencies.electron}`,
        // Rebuilding keytar for Electron needs Electron's headers from the network.
        '-c.npmRebuild=false',
        `-c.directories.output=${out}`,
      ],
      { cwd: root, stdio: 'pipe' },
    );
    const resources = path.join(out, 'linux-unpacked', 'resources');
    files = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false });
    unpacked = path.join(resources, 'app.asar.unpacked');
  }, 120_000);

  it('contains the three bundles, the icons and the manifest', () => {
    for (const file of ['/dist/main/index.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/resources/tray.png', '/package.json']) {
      expect(files).toContain(file);
    }
  });

  it('ships the runtime dependencies, with the native keychain module outside the archive', () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(files).toContain(`/node_modules/${dep}`);
    expect(fs.existsSync(path.join(unpacked, 'node_modules/keytar/build/Release/keytar.node'))).toBe(true);
  });

  it('leaves out sources, tests, dev tools, the browser host and renderer libraries Vite already bundled', () => {
    const offenders = files.filter(
      (f) =>
        /^\/(tests|main|renderer|preload|common|scripts|docs)\//.test(f) ||
        /^\/dist\/(web|bench|sandbox)\//.test(f) ||
        /^\/node_modules\/(react|react-dom|zustand|vite|vitest|electron|typescript|@playwright)\//.test(f) ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')),
    );
    expect(offenders).toEqual([]);
  });
});
