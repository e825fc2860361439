/**
 * The sandbox started on its own, as a user would (`node dist/sandbox/cli.cjs …`), for journeys
 * that need it outside the app (e.g. with faults). Its printed URL and admin tokens are read
 * from its output; on stop it prints what it injected (SANDBOX_STATS=…).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SandboxAccountInfo {
  name: string;
  type: 'Client' | 'Vendor' | 'Operations';
  id: string;
  adminTokenId: string;
  adminToken: string;
}
export interface SandboxStats {
  requests: number;
  creates: number;
  faults: Record<string, number>;
}
export interface SandboxProcess {
  url: string;
  accounts: SandboxAccountInfo[];
  output(): string;
  /** Stops it and returns what it served and injected. */
  stop(): Promise<SandboxStats | undefined>;
}

const root = path.resolve(__dirname, '..', '..', '..');

export async function startSandboxProcess(args: string[], env?: NodeJS.ProcessEnv): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [path.join(root, 'dist/sandbox/cli.cjs'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 15_000);
    child.stdout.on('data', () => {
      if (output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}:\n${output}`)));
  });
  const url = /^API base URL: (\S+)/m.exec(output)![1]!;
  const accounts = [...output.matchAll(/^(.+) \((Client|Vendor|Operations), (ACC-\d{4}-\d{4})\)\n {2}admin token (TKN-\d{4}-\d{4}): (\S+)$/gm)].map(
    (m) => ({ name: m[1]!, type: m[2] as SandboxAccountInfo['type'], id: m[3]!, adminTokenId: m[4]!, adminToken: m[5]! }),
  );
  return {
    url,
    accounts,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        const read = () => {
          const m = /^SANDBOX_STATS=(.+)$/m.exec(output);
          resolve(m ? (JSON.parse(m[1]!) as SandboxStats) : undefined);
        };
        if (child.exitCode !== null) return read();
        child.once('exit', read);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A direct read of the sandbox, the source of truth after a journey. The sandbox injects its
 * faults into these reads too, so a read is repeated until it gets a whole JSON answer.
 */
export async function stableRead<T>(url: string, adminToken: string, tries = 40): Promise<{ status: number; body: T }> {
  let last = '';
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${adminToken}` } });
      const text = await res.text();
      if (res.status >= 500 || res.status === 429) {
        last = `${res.status}`;
      } else {
        return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error); // dropped, or truncated JSON
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the sandbox never answered ${url}: ${last}`);
}
