/**
 * The macOS entitlements the signed app gets: an explicit file with only what Electron needs.
 * Without `entitlements` and `entitlementsInherit` in electron-builder.yml, electron-builder signs
 * the app and each helper with its own template, which grants disable-library-validation: any
 * library could then be loaded into the signed app and use its keychain trust.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderConfig, parsePlist } from './builder-config';

const root = path.resolve(__dirname, '../../..');
const ALLOWED = ['com.apple.security.cs.allow-jit'];
const FORBIDDEN = ['com.apple.security.cs.disable-library-validation', 'com.apple.security.cs.allow-dyld-environment-variables', 'com.apple.security.get-task-allow', 'com.apple.security.cs.debugger'];

const readPlist = (file: string) => parsePlist(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('macOS entitlements', () => {
  const mac = builderConfig().mac!;

  it('the app and its helpers are signed with the project’s own file, under the hardened runtime', () => {
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.entitlements).toBe('resources/installer/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe(mac.entitlements);
  });

  it('the file grants allow-jit and nothing else', () => {
    const granted = readPlist(path.join(root, mac.entitlements!));
    expect(Object.keys(granted)).toEqual(ALLOWED);
    for (const key of ALLOWED) expect(granted[key]).toBe(true);
    for (const key of FORBIDDEN) expect(granted).not.toHaveProperty(key);
  });

  it('electron-builder’s own template, which the file replaces, is what grants library loading', () => {
    const builder = path.dirname(createRequire(__filename).resolve('app-builder-lib/package.json'));
    const template = readPlist(path.join(builder, 'templates', 'entitlements.mac.plist'));
    expect(template['com.apple.security.cs.disable-library-validation']).toBe(true);
  });
});
