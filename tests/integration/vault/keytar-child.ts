/**
 * Runs the vault in a CHILD node process with a chosen environment. Needed because libsecret
 * connects to D-Bus once per process: the "no Secret Service" case can only be shown in a fresh
 * process. The vault is bundled to CommonJS with esbuild first, the way the app ships it, which
 * also proves the lazy keytar load works from a CJS bundle.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const repo = path.resolve(__dirname, '../../..');

export interface ChildResult {
  ok: boolean;
  value?: unknown;
  name?: string;
  code?: string;
  message?: string;
}

export async function bundleVault(): Promise<{ dir: string; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-vault-'));
  await build({
    entryPoints: [path.join(repo, 'main/core/vault.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['keytar'],
    outfile: path.join(dir, 'vault.cjs'),
    logLevel: 'silent',
  });
  fs.writeFileSync(
    path.join(dir, 'run.cjs'),
    `const { createKeytarSecretStore } = require('./vault.cjs');
const [service, op] = process.argv.slice(2);
const store = createKeytarSecretStore(service);
(async () => {
  try {
    const value = op === 'set' ? await store.set('connection:probe', 'probe') : await store.list();
    console.log(JSON.stringify({ ok: true, value }));
  } catch (e) {
    console.log(JSON.stringify({ ok: false, name: e.name, code: e.code, message: e.message }));
  }
})();
`,
  );
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function runChild(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(dir, 'run.cjs'), ...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`child failed: ${error.message}\n${stderr}`));
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`unexpected child output: ${stdout}\n${stderr}`));
      }
    });
  });
}

export const keytarNodePath = path.join(repo, 'node_modules');
