import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBody, expectProblem, startFixture, TOKENS, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ tokensPerAccount: 3 });
});
afterEach(() => {
  f.sb.setFaults({});
});
afterAll(async () => {
  await f.sb.close();
});

const countTokens = async (): Promise<number> => (await f.client('GET', `${TOKENS}?limit=0`)).body.$meta.pagination.total;
const rawGet = (path: string) => fetch(`${f.sb.url}${path}`, { headers: { Authorization: `Bearer ${f.clientAccount.adminToken}` } });
const rawCreate = (name: string) =>
  fetch(`${f.sb.url}${TOKENS}`, { method: 'POST', headers: { Authorization: `Bearer ${f.clientAccount.adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(createBody(name)) });

describe('fault injection', () => {
  it('latencyMs delays every answer', async () => {
    f.sb.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await f.client('GET', `${TOKENS}?limit=1`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('errorRate answers 500/502/503 ProblemDetails and does NOT process the request', async () => {
    const before = await countTokens();
    f.sb.setFaults({ errorRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await f.client('POST', TOKENS, { json: createBody(`never ${i}`) });
      expect([500, 502, 503]).toContain(res.status);
      expectProblem(res, res.status);
      statuses.add(res.status);
    }
    expect(statuses.size).toBeGreaterThan(1);
    f.sb.setFaults({});
    expect(await countTokens()).toBe(before);
  });

  it('rateLimitRate answers 429 with Retry-After', async () => {
    f.sb.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const res = await f.client('GET', TOKENS);
    expectProblem(res, 429);
    expect(res.headers.get('retry-after')).toBe('7');
    f.sb.setFaults({ rateLimitRate: 1 });
    expect((await f.client('GET', TOKENS)).headers.get('retry-after')).toBe('1');
  });

  it("dropPhase 'before' destroys the connection and nothing is created", async () => {
    const before = await countTokens();
    const creates = f.sb.stats().creates;
    f.sb.setFaults({ dropRate: 1, dropPhase: 'before' });
    await expect(rawCreate('dropped before')).rejects.toThrow();
    f.sb.setFaults({});
    expect(await countTokens()).toBe(before);
    expect(f.sb.stats().creates).toBe(creates);
  });

  it("dropPhase 'after' (default) processes the request and loses the answer", async () => {
    const before = await countTokens();
    f.sb.setFaults({ dropRate: 1 });
    await expect(rawCreate('lost answer')).rejects.toThrow();
    f.sb.setFaults({});
    expect(await countTokens()).toBe(before + 1);
    const found = await f.client('GET', `${TOKENS}?eq(name,'lost answer')`);
    expect(found.body.data).toHaveLength(1);
  });

  it('malformedRate answers GETs with 200 and invalid JSON, but never mutations', async () => {
    f.sb.setFaults({ malformedRate: 1 });
    const res = await rawGet(`${TOKENS}?limit=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    const created = await rawCreate('not malformed');
    expect(created.status).toBe(201);
    expect((await created.json()).name).toBe('not malformed');
  });

  it('the same fault seed gives the same fault sequence', async () => {
    const run = async (): Promise<number[]> => {
      f.sb.setFaults({ errorRate: 0.3, rateLimitRate: 0.3, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await rawGet(`${TOKENS}?limit=1`)).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
    expect(a).toContain(200);
  });

  it('startSandbox({faults}) applies faults from the start', async () => {
    const g = await startFixture({ tokensPerAccount: 1, faults: { rateLimitRate: 1 } });
    try {
      expectProblem(await g.client('GET', TOKENS), 429);
    } finally {
      await g.sb.close();
    }
  });
});
