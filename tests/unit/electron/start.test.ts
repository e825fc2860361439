/**
 * `npm start` on a fresh clone: the real scripts/start-electron.mjs runs as a child process in
 * a throwaway project folder whose node_modules/electron holds a stand-in installer (it
 * "downloads" by writing a stand-in runtime) — the real download is impossible here.
 * The stand-in runtime is a shell script that records its arguments, so the launch cases
 * need a POSIX shell and are skipped, with the reason, on Windows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const posix = process.platform !== 'win32';
if (!posix) console.log('[start e2e] launch cases skipped: the stand-in Electron runtime is a shell script');

/** A shell script that records its arguments and exits with `code`. */
const runtimeScript = (record: string, code = 0) => `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexit ${code}\n`;

interface Project {
  root: string;
  record: string;
  installed: string;
}

/** A project folder with the real start scripts and a stand-in electron package. */
/** How the stand-in installer fails: as the real one does offline, or with an error of its own. */
const FAILURES = {
  offline: `const e = new TypeError('fetch failed'); console.error(e.stack); process.exit(1);`,
  crash: `throw new Error('EACCES: permission denied, mkdir /somewhere');`,
};

function project(installer: 'works' | keyof typeof FAILURES | 'none', withRuntime = false): Project {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'td-start-'));
  fs.mkdirSync(path.join(root, 'scripts'));
  for (const f of ['start-electron.mjs', 'electron-binary.cjs', 'installer-hook.cjs', 'installer-failure.cjs']) fs.copyFileSync(path.join(repo, 'scripts', f), path.join(root, 'scripts', f));
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  const record = path.join(root, 'launched-with.txt');
  const installed = path.join(root, 'installer-ran.txt');
  if (installer === 'works') {
    fs.writeFileSync(
      path.join(pkg, 'install.js'),
      `const fs = require('fs'), path = require('path');
fs.writeFileSync(${JSON.stringify(installed)}, 'yes');
console.log('Downloading electron-v45.4.1… 100%');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(runtimeScript(record))}, { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`,
    );
  } else if (installer !== 'none') {
    fs.writeFileSync(path.join(pkg, 'install.js'), `require('fs').writeFileSync(${JSON.stringify(installed)}, 'yes');\n${FAILURES[installer]}\n`);
  }
  if (withRuntime) {
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), runtimeScript(record, 3), { mode: 0o755 });
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  }
  return { root, record, installed };
}

function start(p: Project, env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  delete clean.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete clean.ELECTRON_OVERRIDE_DIST_PATH;
  const result = spawnSync(process.execPath, [path.join(p.root, 'scripts', 'start-electron.mjs')], {
    cwd: p.root,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const ourLines = result.stderr.split('\n').filter((l) => l.startsWith('Token Desk:'));
  return { ...result, ourLines };
}

describe('npm start (scripts/start-electron.mjs)', () => {
  it.skipIf(!posix)('launches an installed runtime with the project folder and passes its exit code on', () => {
    const p = project('works', true);
    const run = start(p);
    expect(run.status).toBe(3);
    expect(fs.readFileSync(p.record, 'utf8').trim()).toBe(p.root);
    expect(fs.existsSync(p.installed)).toBe(false);
  });

  it.skipIf(!posix)('a missing runtime is downloaded with Electron’s installer (its progress shown), then launched', () => {
    const p = project('works');
    const run = start(p);
    expect(run.status, run.stderr).toBe(0);
    expect(fs.existsSync(p.installed)).toBe(true);
    expect(run.stdout).toContain('downloading it with Electron’s installer');
    expect(run.stdout).toContain('Downloading electron-v45.4.1… 100%');
    expect(fs.readFileSync(p.record, 'utf8').trim()).toBe(p.root);
    expect(run.ourLines).toEqual([]);
  });

  it('offline: one line naming the network and `npm run serve`, no stack trace, Node.js not blamed', () => {
    const p = project('offline');
    const run = start(p);
    expect(run.status).toBe(1);
    expect(fs.existsSync(p.installed)).toBe(true);
    expect(run.stderr.trim().split('\n')).toEqual(run.ourLines);
    expect(run.ourLines).toHaveLength(1);
    expect(run.ourLines[0]).toMatch(/could not be downloaded: its download server did not answer \(fetch failed; no network/);
    expect(run.ourLines[0]).toContain('`npm run serve`');
    expect(run.ourLines[0]).not.toMatch(/Node/);
    expect(fs.existsSync(p.record)).toBe(false);
  });

  it('an installer that crashes: its message in one line, without the stack', () => {
    const p = project('crash');
    const run = start(p);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(run.ourLines);
    expect(run.ourLines).toEqual([expect.stringMatching(/installer failed: Error: EACCES: permission denied, mkdir \/somewhere\. Use the browser host/)]);
  });

  it('with ELECTRON_SKIP_BINARY_DOWNLOAD set nothing is downloaded: one line says why', () => {
    const p = project('works');
    const run = start(p, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(1);
    expect(fs.existsSync(p.installed)).toBe(false);
    expect(run.ourLines).toHaveLength(1);
    expect(run.ourLines[0]).toMatch(/not downloaded.*ELECTRON_SKIP_BINARY_DOWNLOAD is set.*`npm run serve`/);
  });

  it('without the electron package: one line asks for npm install', () => {
    const p = project('none');
    fs.rmSync(path.join(p.root, 'node_modules'), { recursive: true });
    const run = start(p);
    expect(run.status).toBe(1);
    expect(run.ourLines).toEqual([expect.stringMatching(/electron package is not installed \(run npm install\).*`npm run serve`/)]);
  });

  it.skipIf(!posix)('ELECTRON_OVERRIDE_DIST_PATH: runs the runtime there and never the installer', () => {
    const p = project('works');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'td-dist-'));
    fs.writeFileSync(path.join(dist, 'electron'), runtimeScript(p.record), { mode: 0o755 });
    const run = start(p, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readFileSync(p.record, 'utf8').trim()).toBe(p.root);
    expect(fs.existsSync(p.installed)).toBe(false);

    fs.rmSync(path.join(dist, 'electron'));
    const missing = start(p, { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(missing.status).toBe(1);
    expect(fs.existsSync(p.installed)).toBe(false);
    expect(missing.ourLines).toEqual([expect.stringMatching(/ELECTRON_OVERRIDE_DIST_PATH has no Electron binary/)]);
  });
});
