/**
 * `npm run serve -- …`: the flag parser (main/web/server-args.ts) and the script in front of
 * the build (scripts/serve.mjs), which must answer --help and refuse a bad flag without
 * building. The script runs from a throwaway project whose build is a stand-in that only
 * leaves a mark, so a build that should not happen is seen.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServerArgs, SERVER_USAGE } from '../../../main/web/server-args';

const repo = path.resolve(__dirname, '../../..');

describe('parseServerArgs', () => {
  it('defaults to a free port and the default data folder', () => {
    expect(parseServerArgs([])).toEqual({ help: false, port: 0 });
  });

  it('reads --port and --data-dir, spaced or with =', () => {
    expect(parseServerArgs(['--port', '8080', '--data-dir', '/tmp/td'])).toEqual({ help: false, port: 8080, dataDir: '/tmp/td' });
    expect(parseServerArgs(['--port=65535', '--data-dir=/x'])).toEqual({ help: false, port: 65535, dataDir: '/x' });
  });

  it('reads --rotation-check-interval in whole seconds from 1 to 60, refusing anything else', () => {
    expect(parseServerArgs(['--rotation-check-interval', '5'])).toEqual({ help: false, port: 0, rotationCheckMs: 5_000 });
    expect(parseServerArgs(['--rotation-check-interval=60'])).toEqual({ help: false, port: 0, rotationCheckMs: 60_000 });
    for (const bad of ['0', '61', '1.5', '-5', 'abc', '100', '']) {
      expect(() => parseServerArgs([`--rotation-check-interval=${bad}`]), bad).toThrow(/--rotation-check-interval/);
    }
  });

  it('--help and -h ask for the usage, wherever they stand', () => {
    expect(parseServerArgs(['--help'])).toEqual({ help: true });
    expect(parseServerArgs(['--port', '1', '-h'])).toEqual({ help: true });
  });

  it('refuses what it does not know, naming the flag', () => {
    expect(() => parseServerArgs(['--prot', '1'])).toThrow('Unknown option --prot.');
    expect(() => parseServerArgs(['extra'])).toThrow('Unexpected argument "extra".');
    expect(() => parseServerArgs(['--port'])).toThrow('--port needs a value.');
    expect(() => parseServerArgs(['--data-dir', '--port', '1'])).toThrow('--data-dir needs a value.');
    for (const bad of ['abc', '-1', '65536', '1.5', '']) {
      expect(() => parseServerArgs([`--port=${bad}`]), bad).toThrow(/--port/);
    }
  });

  it('the usage names every flag the parser reads', () => {
    for (const flag of ['--port', '--data-dir', '--rotation-check-interval', '--help', '-h', 'TOKEN_DESK_KEYCHAIN_SERVICE']) expect(SERVER_USAGE).toContain(flag);
  });
});

/** A project folder with the real serve script and parser, a stand-in build, and this repo's node_modules. */
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project(): { root: string; built: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'td-serve-'));
  made.push(root);
  const built = path.join(root, 'built.txt');
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.mkdirSync(path.join(root, 'main', 'web'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'scripts', 'serve.mjs'), path.join(root, 'scripts', 'serve.mjs'));
  fs.copyFileSync(path.join(repo, 'main', 'web', 'server-args.ts'), path.join(root, 'main', 'web', 'server-args.ts'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  // The stand-in build writes a host that prints the flags it was given.
  fs.writeFileSync(
    path.join(root, 'scripts', 'build.mjs'),
    `import fs from 'node:fs';
fs.writeFileSync(${JSON.stringify(built)}, 'yes');
fs.mkdirSync(${JSON.stringify(path.join(root, 'dist', 'web'))}, { recursive: true });
fs.writeFileSync(${JSON.stringify(path.join(root, 'dist', 'web', 'server.cjs'))}, 'console.log("HOST " + process.argv.slice(2).join(" "));');
`,
  );
  return { root, built };
}

const serve = (root: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });

describe('npm run serve (scripts/serve.mjs)', () => {
  it('--help prints the usage and exits 0 without building', () => {
    const p = project();
    const run = serve(p.root, ['--help']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(SERVER_USAGE);
    expect(fs.existsSync(p.built)).toBe(false);
  });

  it('a mistyped flag: one line naming it and --help, exit 2, nothing built', () => {
    const p = project();
    const run = serve(p.root, ['--prot', '8080']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['Token Desk browser host: Unknown option --prot. See `npm run serve -- --help`.']);
    expect(fs.existsSync(p.built)).toBe(false);
  });

  it('good flags: builds, then runs the host with the same flags', () => {
    const p = project();
    const run = serve(p.root, ['--port', '8080']);
    expect(run.status, run.stderr).toBe(0);
    expect(fs.existsSync(p.built)).toBe(true);
    expect(run.stdout).toContain('HOST --port 8080');
  });
});
