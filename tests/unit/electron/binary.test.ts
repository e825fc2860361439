import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

const { findElectronBinary } = createRequire(import.meta.url)('../../../scripts/electron-binary.cjs') as {
  findElectronBinary(root: string): { path?: string; reason?: string };
};

function fakeRoot(withBinary: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'td-electron-'));
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  if (withBinary) fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
  return root;
}

afterEach(() => {
  delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
});

describe('finding the Electron runtime without downloading it', () => {
  it('finds the downloaded binary', () => {
    const root = fakeRoot(true);
    expect(findElectronBinary(root)).toEqual({ path: path.join(root, 'node_modules/electron/dist/electron') });
  });

  it('explains a missing runtime instead of downloading it', () => {
    expect(findElectronBinary(fakeRoot(false)).reason).toMatch(/not downloaded/);
    expect(findElectronBinary(fs.mkdtempSync(path.join(os.tmpdir(), 'td-none-'))).reason).toMatch(/not installed/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'td-dist-'));
    fs.writeFileSync(path.join(dist, 'electron'), '');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    expect(findElectronBinary(fakeRoot(false))).toEqual({ path: path.join(dist, 'electron') });
  });
});
