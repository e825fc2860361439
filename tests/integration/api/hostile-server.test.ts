/**
 * A hostile or broken server, over real HTTP (the sandbox's hostile modes, main/sandbox/hostile.ts):
 * an absurd total, endless full pages, a huge body, a slow drip, a slow list. Each ends in one
 * clear error within the limits (main/core/api/limits.ts, lowered here so the test is quick),
 * and through the real handlers the cached list stays as it was.
 * Figures for `npm run check:security` go to .tmp/figures/hostile-server.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput, Channel } from '../../../common/contract';
import type { DeskErrorData } from '../../../common/errors';
import type { NetworkLimits } from '../../../main/core/api';
import { createDispatch, type HandlerContext } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices, type CoreServices } from '../../../main/core/services';
import { createConfStore } from '../../../main/core/store';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { writeFigures } from '../../support/figures';
import { MemorySecretStore } from '../../unit/core/fakes';
import { account, clientFor, deskError } from './helpers';

const LIMITS: NetworkLimits = { maxBodyBytes: 1024 * 1024, maxListItems: 5_000, maxListPages: 50, listDeadlineMs: 4_000 };
const TIMEOUT_MS = 3_000;
const ctx: HandlerContext = { host: 'browser', emit: () => undefined };

let sb: RunningSandbox;
const figures: Record<string, { code: string; ms: number; requests: number }> = {};

beforeAll(async () => {
  // The Client account's list takes two pages.
  sb = await startSandbox({ tokensPerAccount: 130, auditHistory: false });
});
afterAll(async () => {
  await sb?.close();
  writeFigures('hostile-server', 'client', { limits: LIMITS, timeoutMs: TIMEOUT_MS, cases: figures });
});

/** Runs `run` with the sandbox in `mode`, noting the error code, time and requests for the figures. */
async function underMode<T>(name: string, faults: Parameters<RunningSandbox['setFaults']>[0], run: () => Promise<T>): Promise<T> {
  sb.setFaults(faults);
  const before = sb.stats().requests;
  const started = Date.now();
  try {
    return await run();
  } finally {
    sb.setFaults({});
    figures[name] = { code: figures[name]?.code ?? '?', ms: Date.now() - started, requests: sb.stats().requests - before };
  }
}

describe('the API client against a hostile server', () => {
  const client = () => clientFor(sb, 'Client', { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1 }, limits: LIMITS });

  it('absurd total (9e15 at limit 1): refused after the first page', async () => {
    const error = await underMode('huge total', { hostile: 'huge-total' }, () => deskError(client().tokens.listAll()));
    figures['huge total']!.code = error.code;
    expect(error.code).toBe('server');
    expect(error.message).toMatch(/^The Marketplace's list does not add up: it reports 9,000,000,000,000,000 items, more than Token Desk reads \(5,000\)\. Token Desk kept what it had saved; nothing was changed\./);
    expect(figures['huge total']!.requests).toBe(1);
  });

  it('endless full pages without a total: stops at the page limit', async () => {
    const error = await underMode('endless pages', { hostile: 'endless-pages' }, () => deskError(client().tokens.listAll()));
    figures['endless pages']!.code = error.code;
    expect(error.code).toBe('server');
    expect(error.message).toMatch(/kept sending full pages past 50 pages|more than 5,000 items/);
    expect(figures['endless pages']!.requests).toBeLessThanOrEqual(LIMITS.maxListPages + 1);
  });

  it('a huge streamed body: cut off at the byte limit', async () => {
    const error = await underMode('huge body', { hostile: 'huge-body' }, () => deskError(client().tokens.listAll()));
    figures['huge body']!.code = error.code;
    expect(error.code).toBe('server');
    expect(error.message).toMatch(/^The Marketplace sent an answer larger than 1 MB, more than Token Desk reads\./);
    expect(figures['huge body']!.ms).toBeLessThan(TIMEOUT_MS);
  });

  it('a slow drip: ends at the per-request time limit', async () => {
    const error = await underMode('slow drip', { hostile: 'slow-drip' }, () => deskError(client().tokens.listAll()));
    figures['slow drip']!.code = error.code;
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The Marketplace did not answer within 3 seconds. Try again.');
    expect(figures['slow drip']!.ms).toBeLessThan(TIMEOUT_MS + 1_500);
  });

  it('slow pages, each in time: the whole list ends at the per-list time limit', async () => {
    const error = await underMode('slow list', { latencyMs: 2_500 }, () => deskError(client().tokens.listAll({}, { concurrency: 1 })));
    figures['slow list']!.code = error.code;
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The Marketplace did not send the whole list within 4 seconds. Token Desk kept what it had saved; nothing was changed. Try again later.');
    expect(figures['slow list']!.ms).toBeLessThan(LIMITS.listDeadlineMs + 1_500);
  });

  it('the same server, behaving, still gives the whole list', async () => {
    expect((await client().tokens.listAll()).length).toBeGreaterThan(100);
  });
});

describe('through the real handlers: the cache is unchanged', () => {
  let services: CoreServices;
  let dir: string;
  let connectionId: string;
  let call: <C extends Channel>(channel: C, input?: CallInput<C>) => Promise<{ ok: true; value: CallOutput<C> } | { ok: false; error: DeskErrorData }>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-hostile-'));
    services = createCoreServices({
      settingsStore: await createConfStore({ cwd: dir, configName: 'settings' }),
      cacheStore: await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' }),
      secretStore: new MemorySecretStore(),
      clipboard: { writeText: () => undefined, readText: () => '' },
      clientOptions: { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1 }, limits: LIMITS },
    });
    const dispatch = createDispatch(createHandlerTable(services));
    call = (channel, input) => dispatch(channel, input ?? {}, ctx) as never;
    connectionId = (await services.connections.add({ name: 'Stark', baseUrl: sb.url, token: account(sb, 'Client').adminToken })).id;
  });
  afterAll(async () => {
    await services?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['huge-total', 'server', /does not add up/],
    ['endless-pages', 'server', /full pages|more than 5,000 items/],
    ['huge-body', 'server', /larger than 1 MB/],
  ] as const)('%s: one clear error, the saved list as it was', async (mode, code, message) => {
    const first = await call('tokens.sync', { connectionId });
    expect(first.ok ? 'ok' : first.error.message).toBe('ok');
    const before = await call('tokens.cached', { connectionId });
    sb.setFaults({ hostile: mode });
    const result = await call('tokens.sync', { connectionId });
    sb.setFaults({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(await call('tokens.cached', { connectionId })).toEqual(before);
  });

  it('slow-drip: the saved list, marked as not refreshed', async () => {
    const before = await call('tokens.cached', { connectionId });
    sb.setFaults({ hostile: 'slow-drip' });
    const result = await call('tokens.sync', { connectionId });
    sb.setFaults({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // A timeout, like an unreachable server: the page says the list is not fresh, and why.
    expect(result.value).toMatchObject({ offline: { reason: 'timeout' } });
    expect(await call('tokens.cached', { connectionId })).toEqual(before);
  });
});
