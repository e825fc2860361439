/**
 * Last access stays true: every request a token authenticates updates its `lastAccessAt`, whatever
 * the endpoint answers, so a test (or a rotation plan watching an old token) can "use" a token by
 * calling the sandbox with its value. Requests that never authenticate change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT, createBody, MODULES_PATH, startFixture, TOKENS, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sb.close();
});

async function lastAccessOf(id: string): Promise<number | null> {
  const res = await f.client('GET', `${TOKENS}/${id}`);
  return res.body.lastAccessAt === null ? null : Date.parse(res.body.lastAccessAt);
}

async function fresh(name: string, modules?: string[]): Promise<{ id: string; value: string }> {
  const created = await f.client('POST', TOKENS, { json: createBody(name, modules) });
  expect(created.status).toBe(201);
  expect(created.body.lastAccessAt).toBeNull();
  return { id: created.body.id, value: created.body.token };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lastAccessAt', () => {
  it('is set by every kind of authenticated request: list, own GET, audit, another token, an action', async () => {
    const user = await fresh('Used everywhere');
    const other = await fresh('Other');
    const uses: Array<[string, string, { json?: unknown }?]> = [
      ['GET', `${TOKENS}?limit=1`],
      ['GET', `${TOKENS}/${user.id}`],
      ['GET', `${AUDIT}?limit=1`],
      ['GET', `${TOKENS}/${other.id}`],
      ['POST', `${TOKENS}/${other.id}/disable`],
    ];
    let previous = 0;
    for (const [method, path, options] of uses) {
      await pause(5);
      const before = Date.now();
      await f.client(method, path, { ...options, token: user.value });
      const seen = await lastAccessOf(user.id);
      expect(seen, `${method} ${path}`).not.toBeNull();
      expect(seen as number, `${method} ${path}`).toBeGreaterThanOrEqual(before - 5);
      expect(seen as number).toBeGreaterThan(previous);
      previous = seen as number;
    }
    // The admin token read the lists above; the other token itself was never used.
    expect(await lastAccessOf(other.id)).toBeNull();
  });

  it('is set when the endpoint refuses the caller (403) or does not exist (404, 405)', async () => {
    const billing = await fresh('Billing only', ['MOD-1239']);
    for (const [method, path, status] of [
      ['GET', TOKENS, 403],
      ['GET', MODULES_PATH, 403],
      ['GET', '/public/v1/no-such-endpoint', 404],
      ['PATCH', TOKENS, 405],
    ] as const) {
      await pause(5);
      const before = Date.now();
      const res = await f.client(method, path, { token: billing.value });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect((await lastAccessOf(billing.id)) ?? 0, `${method} ${path}`).toBeGreaterThanOrEqual(before - 5);
    }
  });

  it('is not set by a Disabled token (401) nor by a request without a valid credential', async () => {
    const user = await fresh('Soon disabled');
    await f.client('POST', `${TOKENS}/${user.id}/disable`);
    expect((await f.client('GET', `${TOKENS}?limit=1`, { token: user.value })).status).toBe(401);
    expect((await f.client('GET', '/public/v1/no-such-endpoint', { token: user.value })).status).toBe(404);
    expect(await lastAccessOf(user.id)).toBeNull();
  });
});
