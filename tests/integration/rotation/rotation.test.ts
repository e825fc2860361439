/**
 * Rotation through the REAL handler table over the sandbox (HTTP), real conf files and the real
 * keychain: a plan that falls due disables the old token on the server; a damaged plan file is
 * moved aside and reported; 20 rotations under the error and drop rates end with 20
 * replacements, 20 values and 20 plans, no duplicates. The runner's clock is the test's: a skew
 * added to real time, so "24 hours later" is one call; timers are not used (runDue is called).
 * Skips WITH THE PRINTED REASON when no Secret Service is reachable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput, Channel, ConnectionProfile } from '../../../common/contract';
import type { DeskResult } from '../../../common/errors';
import { whoAmI } from '../../../main/core/api/whoami';
import type { ClipboardPort } from '../../../main/core/clipboard';
import { dataFileOptions } from '../../../main/core/data-files';
import { createDispatch, type Dispatch, type HandlerContext } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { planFileName } from '../../../main/core/rotation/plan-store';
import type { RunnerClock } from '../../../main/core/rotation/runner';
import { createCoreServices, type CoreServices } from '../../../main/core/services';
import { createConfStore } from '../../../main/core/store';
import { createKeytarSecretStore, type SecretStore } from '../../../main/core/vault';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox';
import { asPage } from '../../support/connection-calls';
import { requireSecretService, uniqueService } from '../vault/secret-service';

const available = await requireSecretService('rotation integration');
const ctx: HandlerContext = { host: 'browser', emit: () => undefined };
const clipboard: ClipboardPort = { writeText: () => undefined, readText: () => '', clear: () => undefined };
const HOUR = 3_600_000;

/** Real time plus a skew the test moves; timers are never fired (the test calls runDue). */
const clock: RunnerClock & { skew: number } = { skew: 0, now: () => Date.now() + clock.skew, setTimeout: () => 0, clearTimeout: () => undefined };

describe.skipIf(!available)('rotation plans against the sandbox', () => {
  let sandbox: RunningSandbox;
  let dir: string;
  let secrets: SecretStore;
  let services: CoreServices;
  let dispatch: Dispatch;
  let profile: ConnectionProfile;

  async function build(): Promise<{ services: CoreServices; dispatch: Dispatch }> {
    const files = dataFileOptions(dir);
    const s = createCoreServices({
      settingsStore: await createConfStore(files.settings),
      cacheStore: await createConfStore(files.cache),
      secretStore: secrets,
      clipboard,
      rotationClock: clock,
      clientOptions: { timeoutMs: 5_000, retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40 } },
    });
    return { services: s, dispatch: asPage(s, createDispatch(createHandlerTable(s))) };
  }
  const raw = (channel: Channel, input: unknown): Promise<DeskResult<unknown>> => dispatch(channel, input, ctx);
  async function call<C extends Channel>(channel: C, input: unknown): Promise<CallOutput<C>> {
    const r = await raw(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value as CallOutput<C>;
  }
  const admin = () => services.clientFor(profile);
  async function seed(name: string) {
    return (await admin()).tokens.create({ name, description: `about ${name}`, moduleIds: ['MOD-1756', 'MOD-0478'], accountId: profile.account.id });
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ tokensPerAccount: 2, auditHistory: false });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-rotation-'));
    secrets = createKeytarSecretStore(uniqueService());
    ({ services, dispatch } = await build());
    profile = await services.connections.add({ name: 'Sandbox', baseUrl: sandbox.url, token: sandbox.accounts[0]!.adminToken });
  });
  afterAll(async () => {
    await services?.dispose();
    if (secrets) for (const account of await secrets.list()) await secrets.delete(account);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await sandbox?.close();
  });

  it('rotate with a 24 h grace: the replacement copies description and modules, its value is stored; 24 h later the old token is Disabled', async () => {
    const old = await seed('Billing robot');
    const result = await call('rotation.rotate', { oldId: old.id, name: 'Billing robot v2', retire: { kind: 'grace', graceMs: 24 * HOUR } });
    expect(result.token).toMatchObject({ name: 'Billing robot v2', description: 'about Billing robot', replaces: old.id, hasValue: true });
    expect(result.token.modules.map((m) => m.id).sort()).toEqual(['MOD-0478', 'MOD-1756']);
    expect(result).not.toHaveProperty('value');
    const value = await secrets.get(`token:${profile.id}:${result.token.id}`);
    expect((await whoAmI({ baseUrl: sandbox.url, token: value ?? '', retry: { maxAttempts: 1 } })).tokenId).toBe(result.token.id);
    expect(result.plan).toMatchObject({ oldId: old.id, newId: result.token.id, stage: 'waiting' });

    clock.skew += 23 * HOUR;
    await services.rotation.runDue();
    expect((await (await admin()).tokens.get(old.id)).status).toBe('Active');
    clock.skew += HOUR;
    await services.rotation.runDue();
    expect((await (await admin()).tokens.get(old.id)).status).toBe('Disabled');
    const plan = (await call('rotation.list', {})).plans.find((p) => p.id === result.plan.id);
    expect(plan).toMatchObject({ stage: 'done', connectionName: 'Sandbox' });
    expect(plan?.history.map((h) => h.text).join('\n')).toMatch(/Disabled TKN-/);
    // The cached list follows the plan's change.
    expect(services.cache.getTokens(profile.id)?.items.find((t) => t.id === old.id)?.status ?? 'Disabled').toBe('Disabled');
  });

  it('re-checks before acting: a token deleted by someone else is reported, not acted on', async () => {
    const old = await seed('Gone soon');
    const { plan } = await call('rotation.rotate', { oldId: old.id, retire: { kind: 'grace', graceMs: HOUR } });
    await (await admin()).tokens.delete(old.id);
    clock.skew += 2 * HOUR;
    await services.rotation.runDue();
    const seen = (await call('rotation.list', {})).plans.find((p) => p.id === plan.id);
    expect(seen).toMatchObject({ stage: 'done' });
    expect(seen?.outcome).toMatch(/already deleted/);
  });

  it('a plan due while the app was closed is carried out at the next start (same data folder) and reported once, also to two windows', async () => {
    const old = await seed('Closed-app robot');
    const { plan } = await call('rotation.rotate', { oldId: old.id, retire: { kind: 'grace', graceMs: HOUR } });
    // The app quits; it is started again two hours later over the same files.
    await services.dispose();
    clock.skew += 2 * HOUR;
    ({ services, dispatch } = await build());
    expect((await (await admin()).tokens.get(old.id)).status).toBe('Active');
    await services.rotation.start();
    expect((await (await admin()).tokens.get(old.id)).status).toBe('Disabled');
    const seen = (await call('rotation.list', {})).plans.find((p) => p.id === plan.id);
    expect(seen?.stage).toBe('done');
    expect(seen?.history.filter((h) => h.text.startsWith('Disabling ')).length).toBe(1);
    // Two windows ask at their launch, at once: the report reaches one of them, once.
    const [a, b] = await Promise.all([call('rotation.reports', {}), call('rotation.reports', {})]);
    expect([...a.messages, ...b.messages]).toEqual([`While Token Desk was closed, the retirement of ${old.id} “Closed-app robot” fell due. Disabled ${old.id} “Closed-app robot”.`]);
    expect((await call('rotation.reports', {})).messages).toEqual([]);
    // Nor is it reported at the start after that.
    await services.dispose();
    ({ services, dispatch } = await build());
    await services.rotation.start();
    expect((await call('rotation.reports', {})).messages).toEqual([]);
  });

  it('a damaged plan file is moved aside at the next start and reported with the start-up notices', async () => {
    await services.dispose();
    const file = path.join(dir, `${planFileName(profile.id)}.json`);
    expect(fs.existsSync(file)).toBe(true);
    fs.writeFileSync(file, '{"plans": [{"id": 1}]}');
    ({ services, dispatch } = await build());
    expect((await call('rotation.list', {})).plans).toEqual([]);
    const { notices } = await call('app.startupNotices', {});
    expect(notices).toEqual([expect.objectContaining({ file: 'rotation', path: file })]);
    expect(fs.readFileSync(notices[0]!.movedTo, 'utf8')).toContain('"id": 1');
  });

  it('20 rotations under --error-rate 0.3 --drop-rate 0.05: 20 replacements, 20 values, 20 plans, no duplicates', async () => {
    const olds: Array<{ id: string; name: string }> = [];
    for (let i = 0; i < 20; i += 1) olds.push(await seed(`Bulk ${String(i).padStart(2, '0')}`));
    const createsBefore = sandbox.stats().creates;
    sandbox.setFaults({ errorRate: 0.3, dropRate: 0.05, seed: Number(process.env.ROT_SEED ?? 1), retryAfterSeconds: 0 });
    const failures: string[] = [];
    // The page's bulk: a few at a time; a rotation that failed is simply asked again.
    const queue = [...olds];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let old = queue.shift(); old; old = queue.shift()) {
          let r: DeskResult<unknown> | undefined;
          for (let tries = 0; tries < 12 && !r?.ok; tries += 1) r = await raw('rotation.rotate', { oldId: old.id, retire: { kind: 'grace', graceMs: 24 * HOUR } });
          if (!r?.ok) failures.push(`${old.id}: ${r?.error.message}`);
        }
      }),
    );
    sandbox.setFaults({});
    expect(failures).toEqual([]);
    // The hard case happened: some creates were carried out but their answers were lost.
    expect(sandbox.stats().creates - createsBefore).toBeGreaterThan(20);
    const all = await (await admin()).tokens.listAll();
    const plans = (await call('rotation.list', {})).plans.filter((p) => olds.some((o) => o.id === p.oldId));
    expect(plans).toHaveLength(20);
    expect(new Set(plans.map((p) => p.oldId)).size).toBe(20);
    for (const old of olds) {
      const named = all.filter((t) => t.name === old.name && t.status !== 'Deleted');
      expect(named.map((t) => t.id).sort(), old.name).toHaveLength(2); // the old one and exactly one replacement
      const replacement = named.find((t) => t.id !== old.id)!;
      expect(plans.find((p) => p.oldId === old.id)?.newId).toBe(replacement.id);
      const value = await secrets.get(`token:${profile.id}:${replacement.id}`);
      expect(value, replacement.id).toMatch(new RegExp(`^idt:${replacement.id}:`));
      expect((await whoAmI({ baseUrl: sandbox.url, token: value ?? '', retry: { maxAttempts: 3 } })).tokenId).toBe(replacement.id);
    }
  }, 120_000);
});
