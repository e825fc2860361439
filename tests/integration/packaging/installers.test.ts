/**
 * The installer settings that cannot be built here (NSIS, DMG, AppImage and deb need tools
 * electron-builder downloads): targets, the deb's dependencies, and the icons each platform
 * needs — checked in the real files, and regenerated from the one source image to prove
 * nobody edited them by hand.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderConfig } from './builder-config';

const root = path.resolve(__dirname, '../../..');
const resources = path.join(root, 'resources');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Sizes inside an ICO (0 in the directory means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1); // type: icon
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => bytes[6 + i * 16] || 256);
}

/** Element types inside an ICNS (e.g. ic10 = 512@2x). */
function icnsTypes(bytes: Buffer): string[] {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const types: string[] = [];
  for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) types.push(bytes.subarray(at, at + 4).toString('latin1'));
  return types;
}

describe('installer settings in electron-builder.yml', () => {
  const config = builderConfig();

  it('builds NSIS on Windows, DMG and zip on macOS, AppImage and deb on Linux', () => {
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('the deb depends on libsecret-1-0 (keytar) and keeps what Electron itself needs', () => {
    // Setting deb.depends replaces electron-builder's defaults, so they must be listed too.
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libsecret-1-0', 'libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libnotify4']));
    expect(config.deb?.recommends?.some((r) => r.includes('gnome-keyring'))).toBe(true);
  });

  it('points every platform at generated icons of the sizes it needs', () => {
    expect(config.win?.icon).toBe('resources/installer/icon.ico');
    expect(icoSizes(fs.readFileSync(path.join(root, config.win!.icon!)))).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));

    expect(config.mac?.icon).toBe('resources/installer/icon.icns');
    // 16 and 32 (is32/il32 with their masks), 128, 256, 512 (ic07-09) and every @2x up to 1024
    // (ic11 = 16@2x, ic12 = 32@2x, ic13 = 128@2x, ic14 = 256@2x, ic10 = 512@2x).
    expect(icnsTypes(fs.readFileSync(path.join(root, config.mac!.icon!)))).toEqual(
      expect.arrayContaining(['is32', 's8mk', 'il32', 'l8mk', 'ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']),
    );

    expect(config.linux?.icon).toBe('resources/installer/icons');
    const linux = path.join(root, config.linux!.icon!);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(fs.readFileSync(path.join(linux, `${size}x${size}.png`)))).toEqual([size, size]);
    }
    expect(pngSize(fs.readFileSync(path.join(resources, 'tray.png')))).toEqual([32, 32]);
    expect(pngSize(fs.readFileSync(path.join(resources, 'tray@2x.png')))).toEqual([64, 64]);
  });

  it('every icon is exactly what scripts/generate-icons.mjs makes from resources/source/icon.svg', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-icons-'));
    execFileSync(process.execPath, [path.join(root, 'scripts/generate-icons.mjs'), `--out=${out}`], { cwd: root, stdio: 'pipe' });
    const generated = (dir: string): string[] =>
      fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
    const made = generated(out);
    expect(made.length).toBeGreaterThanOrEqual(13);
    const stale = made.filter((f) => !fs.existsSync(path.join(resources, f)) || !fs.readFileSync(path.join(resources, f)).equals(fs.readFileSync(path.join(out, f))));
    expect(stale, 'run `npm run icons` and commit the result').toEqual([]);
  });
});
