/**
 * The API the connections integration test signs in against.
 *
 * - If the sandbox (main/sandbox/index.ts, `startSandbox()`) exists, it is used: a real
 *   end-to-end sign-in through the real API client's who-am-I over HTTP.
 * - Until then, a tiny local HTTP stub serves just GET /public/v1/accounts/api-tokens/{id}
 *   with Bearer auth, so the real who-am-I client still runs over real HTTP.
 * The module is loaded by path at run time so this file compiles whether or not it exists yet.
 * `TOKEN_DESK_TEST_BACKEND=stub` forces the stub (to check the stub itself).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface BackendAccount {
  id: string;
  name: string;
  type: 'Client' | 'Vendor' | 'Operations';
  adminTokenId: string;
  adminToken: string;
}

export interface Backend {
  kind: 'sandbox' | 'local stub';
  url: string;
  accounts: BackendAccount[];
  close(): Promise<void>;
}

interface SandboxModule {
  startSandbox(options?: Record<string, unknown>): Promise<{ url: string; accounts: BackendAccount[]; close(): Promise<void> }>;
}

const sandboxEntry = path.resolve(__dirname, '../../../main/sandbox/index.ts');

export async function startBackend(): Promise<Backend> {
  if (process.env.TOKEN_DESK_TEST_BACKEND !== 'stub' && fs.existsSync(sandboxEntry)) {
    const mod = (await import(/* @vite-ignore */ sandboxEntry)) as SandboxModule;
    const sandbox = await mod.startSandbox({ tokensPerAccount: 3, auditHistory: false });
    return { kind: 'sandbox', url: sandbox.url, accounts: sandbox.accounts, close: () => sandbox.close() };
  }
  return startStub();
}

const STUB_ACCOUNTS: BackendAccount[] = [
  { id: 'ACC-1000-0001', name: 'Stark Industries', type: 'Client', adminTokenId: 'TKN-1000-0001', adminToken: 'idt:TKN-1000-0001:StubAdminA0123456789abcdefABCDEF' },
  { id: 'ACC-2000-0002', name: 'Wayne Enterprises', type: 'Vendor', adminTokenId: 'TKN-2000-0002', adminToken: 'idt:TKN-2000-0002:StubAdminB0123456789abcdefABCDEF' },
];

async function startStub(): Promise<Backend> {
  const byValue = new Map(STUB_ACCOUNTS.map((a) => [a.adminToken, a]));
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
      res.end(JSON.stringify(body));
    };
    const auth = req.headers.authorization ?? '';
    const caller = byValue.get(auth.replace(/^Bearer /, ''));
    if (!caller) return send(401, { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2', title: 'Unauthorized', status: 401, traceId: '00-stub-00' });
    const m = /^\/public\/v1\/accounts\/api-tokens\/(TKN-\d{4}-\d{4})$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !m || m[1] !== caller.adminTokenId) {
      return send(404, { title: 'Not Found', status: 404, detail: `Entity for given id ${m?.[1] ?? '?'} not found`, traceId: '00-stub-00' });
    }
    send(200, {
      id: caller.adminTokenId,
      name: `${caller.name} admin`,
      status: 'Active',
      account: { id: caller.id, name: caller.name, type: caller.type, status: 'Active' },
      modules: [{ id: 'MOD-1756', name: 'Access Management' }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    kind: 'local stub',
    url: `http://127.0.0.1:${port}`,
    accounts: STUB_ACCOUNTS,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
