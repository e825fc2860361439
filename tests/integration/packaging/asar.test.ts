/**
 * What the installed app will contain: electron-builder packs the real build into
 * app.asar with the real electron-builder.yml. The Electron runtime cannot be downloaded
 * here, so a stand-in folder takes its place (ARCHITECTURE.md): its `electron` carries the
 * fuse wire of a stock Electron binary (sentinel, version 1, eight fuses in their default
 * states), so the fuses electron-builder flips are read back from the packed binary.
 * Needs `npm run build` first (npm test builds before it runs vitest).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { builderConfig } from './builder-config';

const root = path.resolve(__dirname, '../../..');
const built = fs.existsSync(path.join(root, 'dist/main/index.cjs')) && fs.existsSync(path.join(root, 'dist/renderer/index.html'));
if (!built) console.warn('[packaging] skipped: no build in dist/ — run `npm run build` first (npm test does).');

// @electron/fuses' sentinel; a stock Electron 45 wire: RunAsNode, NodeOptions, NodeCliInspect and
// GrantFileProtocolExtraPrivileges on; the rest off.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_WIRE = '10110001';
// A fuse's state is the byte '1' (on) or '0' (off); @electron/fuses does not export its names.
const FuseState = { ENABLE: '1'.charCodeAt(0), DISABLE: '0'.charCodeAt(0) };

/** The fuses issue 9 asks for, by @electron/fuses' wire index. */
const EXPECTED_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};
const WIRE_INDEX: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** Top-level packages (`name` or `@scope/name`) that package-lock.json marks as production. */
function productionPackages(): Set<string> {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  const names = Object.entries(lock.packages)
    .filter(([key, info]) => key.startsWith('node_modules/') && !info.dev && !info.devOptional)
    .map(([key]) => key.slice('node_modules/'.length))
    .filter((name) => !name.includes('/node_modules/'));
  return new Set(names);
}

describe.skipIf(!built)('app.asar built by electron-builder', () => {
  let files: string[] = [];
  let resources: string;
  let unpacked: string;
  let executable: string;

  beforeAll(() => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-pack-'));
    const standin = path.join(work, 'electron-dist');
    fs.mkdirSync(standin);
    fs.writeFileSync(path.join(standin, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\n# ${SENTINEL}`), Buffer.from([1, 8]), Buffer.from(`${STOCK_WIRE}\n`)]), {
      mode: 0o755,
    });
    const out = path.join(work, 'release');
    // Only the runtime and the output folder are overridden: npmRebuild, files, fuses and
    // the rest come from electron-builder.yml as a developer's or CI's build uses them.
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        `-c.electronDist=${standin}`,
        `-c.electronVersion=${pkg.devDependencies.electron}`,
        `-c.directories.output=${out}`,
      ],
      { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    const appDir = path.join(out, 'linux-unpacked');
    resources = path.join(appDir, 'resources');
    files = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false });
    unpacked = path.join(resources, 'app.asar.unpacked');
    executable = path.join(appDir, 'token-desk');
  }, 180_000);

  it('contains the three bundles, the run-time icons and the manifest', () => {
    for (const file of ['/dist/main/index.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/resources/tray.png', '/dist/resources/tray@2x.png', '/package.json']) {
      expect(files).toContain(file);
    }
  });

  it('holds only what runs: dist/main, preload, renderer, resources, production node_modules and the manifest', () => {
    const outside = files.filter((f) => !/^\/(dist(\/(main|preload|renderer|resources)(\/.*)?)?|node_modules(\/.*)?|package\.json)$/.test(f));
    expect(outside).toEqual([]);
    const offenders = files.filter(
      (f) =>
        /^\/(tests|main|renderer|preload|common|scripts|docs|resources)\//.test(f) ||
        /^\/dist\/(web|bench|sandbox)\//.test(f) ||
        /^\/dist\/resources\/(installer|source)\//.test(f) ||
        f.endsWith('.map') ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')),
    );
    expect(offenders).toEqual([]);
  });

  it('ships the production dependencies and nothing from devDependencies', () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(files).toContain(`/node_modules/${dep}`);
    const production = productionPackages();
    const packed = new Set(files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)$/.exec(f)?.[1]).filter((n): n is string => !!n));
    const notProduction = [...packed].filter((name) => !production.has(name));
    expect(notProduction).toEqual([]);
    for (const dev of ['electron', 'react', 'react-dom', 'zustand', 'vite', 'vitest', 'typescript', '@playwright/test', 'electron-builder']) expect(packed.has(dev)).toBe(false);
  });

  it('puts keytar’s native module outside the archive, as installed (no rebuild for Electron)', () => {
    const packedNode = path.join(unpacked, 'node_modules/keytar/build/Release/keytar.node');
    expect(fs.existsSync(packedNode)).toBe(true);
    // N-API: the binary npm installed loads in Electron; rebuilding would need Electron's headers.
    expect(fs.readFileSync(packedNode).equals(fs.readFileSync(path.join(root, 'node_modules/keytar/build/Release/keytar.node')))).toBe(true);
    expect(builderConfig().npmRebuild).toBe(false);
    expect(files.filter((f) => f.includes('/keytar/src/') || f.includes('/obj.target/'))).toEqual([]);
  });

  it('configures the fuses in electron-builder.yml', () => {
    expect(builderConfig().electronFuses).toEqual(EXPECTED_FUSES);
  });

  it('flips those fuses in the packed Electron binary', async () => {
    const wire = await getCurrentFuseWire(executable);
    const actual = Object.fromEntries(Object.entries(WIRE_INDEX).map(([name, index]) => [name, wire[index] === FuseState.ENABLE]));
    expect(actual).toEqual(EXPECTED_FUSES);
    // Untouched: the fuse the config does not mention keeps Electron's default.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
  });
});
