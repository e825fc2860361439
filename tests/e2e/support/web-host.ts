/** Starts the real browser host (dist/web/server.cjs) as a child process, like a user would. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordHostRun } from './secrets-scan';

export interface WebHostProcess {
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..', '..');

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-e2e-'));
}

/** `args`: more of the host's flags (main/web/server-args.ts), e.g. a shorter rotation check interval. */
export async function startWebHostProcess(options: { dataDir?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<WebHostProcess> {
  const dataDir = options.dataDir ?? makeDataDir();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist/web/server.cjs'), '--data-dir', dataDir, ...(options.args ?? [])], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Every host's data folder and output go to the run's secret scan (secrets-scan.ts).
  const scanLog = recordHostRun(dataDir);
  const collect = (chunk: Buffer) => {
    output += chunk;
    scanLog(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000);
    const check = () => {
      const match = /^TOKEN_DESK_URL=(\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    // The secret is the URL's fragment (common/web-protocol.ts): never sent to a server.
    secret: parsed.hash.slice(1),
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
