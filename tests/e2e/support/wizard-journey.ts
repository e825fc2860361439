/**
 * The shared ground of the Add API token wizard specs (wizard-*.spec.ts): one sandbox per spec
 * over HTTP, the real keychain under the fixture's service name, the apps each test opens, and
 * everything a spec's closing secret scan looks at. The sandbox runs in the test process,
 * outside the host, so a host restart keeps the same Marketplace and a test can look at the
 * Marketplace directly.
 */
import fs from 'node:fs';
import { startSandbox } from '../../../main/sandbox';
import type { RunningSandbox } from '../../../main/sandbox';
import { expect, test } from './host';
import type { Desk, DeskApp } from './host';
import { clearKeychain, keychainAvailability } from './keychain';
import { dataDirSources, findSecrets } from './secrets-scan';
import { makeDataDir } from './web-host';
import { apiCall, connectViaUi } from './wizard-helpers';

export let sandbox: RunningSandbox;
let keychain: { ok: true } | { ok: false; reason: string };
export let service: string;

/** Everything that must never contain a created value: every data dir and every host output. */
export const createdValues: string[] = [];
const dataDirs = new Set<string>();
export const hostOutputs: { label: string; text: string }[] = [];
/** Apps of the running test, stopped after it (their output is kept for the scan). */
let running: { app: DeskApp; label: string }[] = [];

/**
 * Registers the spec's hooks; call once at the top of a wizard spec. The lists start empty for
 * each spec because one worker may load this module once for several specs.
 */
export function useWizardJourneys(): void {
  test.beforeAll(async ({ desk }) => {
    createdValues.length = 0;
    hostOutputs.length = 0;
    dataDirs.clear();
    running = [];
    service = desk.keychainService;
    keychain = await keychainAvailability();
    if (!keychain.ok) console.log(`[wizard e2e] skipped: ${keychain.reason}`);
    if (!desk.available.ok) return; // every test skips with the reason (host.ts)
    sandbox = await startSandbox({ seed: 606, tokensPerAccount: 4 });
  });
  test.afterAll(async () => {
    await sandbox?.close();
    if (keychain?.ok && service) await clearKeychain(service);
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  test.beforeEach(() => {
    test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here
  test.afterEach(async ({}, testInfo) => {
    for (const { app, label } of running) {
      await app.stop();
      hostOutputs.push({ label, text: app.output() });
      // On failure the host's output helps; it is scanned for secrets like every other output.
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach(`host output (${label})`, { body: app.output(), contentType: 'text/plain' });
    }
    running = [];
  });
}

/** Token names unique to this run (repeat runs share one sandbox per worker). */
const run = Date.now().toString(36).slice(-5);
export const uniq = (name: string) => `${name} ${run}`;

export const account = (type: 'Client' | 'Vendor' | 'Operations') => sandbox.accounts.find((a) => a.type === type)!;
export const admin = () => account('Client').adminToken;

/** The app (fixture's host, the fixture's keychain service) over `dataDir`, stopped after the test. */
export async function openApp(desk: Desk, label: string, dataDir = makeDataDir(), clipboard = false): Promise<DeskApp> {
  dataDirs.add(dataDir);
  const app = await desk.open({ dataDir, clipboard });
  running.push({ app, label });
  return app;
}

/** For a test that stops an app itself: afterEach must not stop it again. */
export function forgetApp(app: DeskApp): void {
  running = running.filter((r) => r.app !== app);
}

/** An app with a connection to the Client account (or another), on the token list. */
export async function connected(desk: Desk, label: string, opts: { type?: 'Client' | 'Operations'; clipboard?: boolean; dataDir?: string } = {}) {
  const app = await openApp(desk, label, opts.dataDir, opts.clipboard);
  const page = app.page;
  await connectViaUi(page, { baseUrl: sandbox.url, token: account(opts.type ?? 'Client').adminToken });
  return { app, page };
}

/** The token as the Marketplace has it (admin view). */
export async function marketplaceToken(id: string, token = admin()) {
  const { status, json } = await apiCall(sandbox.url, token, 'GET', `/public/v1/accounts/api-tokens/${id}`);
  expect(status, `GET ${id}`).toBe(200);
  return json;
}

export const moduleIds = (t: { modules?: { id: string }[] }) => (t.modules ?? []).map((m) => m.id).sort();

/**
 * The body of each spec's last test: no value the spec created is in its data folders or host
 * output. `atLeast` is how many values the spec's journeys create, so a scan over nothing fails.
 */
export function expectNoCreatedValueLeaked(atLeast: number): void {
  // afterEach stopped every host, so each output is complete; the data dirs are still on disk.
  expect(createdValues.length, 'the journeys above created values to look for').toBeGreaterThanOrEqual(atLeast);
  const sources = [...[...dataDirs].flatMap((dir) => dataDirSources(dir)), ...hostOutputs.map(({ label, text }) => ({ label: `host output (${label})`, text }))];
  expect(sources.some((s) => s.label.includes('host output'))).toBe(true);
  expect(sources.length).toBeGreaterThan(hostOutputs.length); // the data dirs have files
  expect(findSecrets(createdValues, sources)).toEqual([]);
}
