/**
 * Test client for the sandbox over real HTTP. Every JSON body it receives is validated against
 * the OpenAPI schema of its endpoint (or ProblemDetails for errors), so each test also checks
 * the wire format.
 */
import { expect } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox/index';
import { assertMatchesSchema } from './openapi-validator';

export const TOKENS = '/public/v1/accounts/api-tokens';
export const MODULES_PATH = '/public/v1/accounts/modules';
export const AUDIT = '/public/v1/audit/records';
export const TRACE_ID = /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/;

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** The OpenAPI schema of a successful JSON answer, from method + path. */
export function schemaFor(method: string, path: string): string | undefined {
  const p = path.split('?')[0] ?? '';
  if (/^\/public\/v1\/accounts\/api-tokens\/?$/.test(p)) return method === 'GET' ? 'ApiTokenListResponse' : 'ApiToken';
  if (/^\/public\/v1\/accounts\/api-tokens\/[^/]+(\/(enable|disable))?\/?$/.test(p)) return 'ApiToken';
  if (/^\/public\/v1\/accounts\/modules\/?$/.test(p)) return 'ModuleListResponse';
  if (/^\/public\/v1\/accounts\/modules\/[^/]+$/.test(p)) return 'Module';
  if (/^\/public\/v1\/audit\/records\/?$/.test(p)) return 'AuditRecordListResponse';
  if (/^\/public\/v1\/audit\/records\/[^/]+$/.test(p)) return 'AuditRecord';
  return undefined;
}

export function client(sb: RunningSandbox, defaultToken?: string) {
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const token = options.token === undefined ? defaultToken : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(`${sb.url}${path}`, { method, headers, body });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    let parsed: unknown;
    if (contentType.includes('json')) {
      parsed = JSON.parse(text);
      if (contentType.startsWith('application/problem+json')) assertMatchesSchema('ProblemDetails', parsed);
      else {
        const schema = schemaFor(method, path);
        if (!schema) throw new Error(`No schema known for ${method} ${path}`);
        assertMatchesSchema(schema, parsed);
      }
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };
}

export type Call = ReturnType<typeof client>;

/** A ProblemDetails answer with the given status (schema already checked by `client`). */
export function expectProblem(res: CallResult, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.detail).toBe('string');
  expect(res.body.traceId).toMatch(TRACE_ID);
}

export interface Fixture {
  sb: RunningSandbox;
  client: Call;
  vendor: Call;
  ops: Call;
  anon: Call;
  clientAccount: RunningSandbox['accounts'][number];
  vendorAccount: RunningSandbox['accounts'][number];
  opsAccount: RunningSandbox['accounts'][number];
}

export async function startFixture(options: SandboxOptions = {}): Promise<Fixture> {
  const sb = await startSandbox({ seed: 7, ...options });
  const byType = (type: string) => {
    const account = sb.accounts.find((a) => a.type === type);
    if (!account) throw new Error(`no ${type} account`);
    return account;
  };
  const clientAccount = byType('Client');
  const vendorAccount = byType('Vendor');
  const opsAccount = byType('Operations');
  return {
    sb,
    client: client(sb, clientAccount.adminToken),
    vendor: client(sb, vendorAccount.adminToken),
    ops: client(sb, opsAccount.adminToken),
    anon: client(sb),
    clientAccount,
    vendorAccount,
    opsAccount,
  };
}

export const createBody = (name = 'Test token', modules = ['MOD-1756']) => ({ name, description: 'created by tests', icon: '', modules: modules.map((id) => ({ id })) });
