/**
 * The shared ground of the API token list specs (tokens-*.spec.ts): one sandbox, one app and
 * one page per spec, checked against the sandbox API (the second client) or the keychain. Every
 * journey picks its own untouched tokens, so a spec's journeys do not depend on each other's.
 *
 * Run them inside a private D-Bus session whose gnome-keyring has its OWN keyring folder (as
 * .ci/run does: XDG_DATA_HOME=$(mktemp -d) for the daemon): two daemons sharing
 * ~/.local/share/keyrings reload each other's writes, and a stored value then vanishes mid-test.
 */
import type { Page } from '@playwright/test';
import { startSandbox } from '../../../main/sandbox';
import type { RunningSandbox } from '../../../main/sandbox';
import { expect, test } from './host';
import type { Desk, DeskApp } from './host';
import { clearKeychain, keychainAvailability } from './keychain';
import { connectWithForm, createApi, tokensUi } from './tokens-helpers';
import type { ApiToken } from './tokens-helpers';
import { makeDataDir } from './web-host';

export let sandbox: RunningSandbox;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
export let service: string;
/** The spec's own data folder: one worker may load this module once for several specs. */
export let dataDir: string;
export let app: DeskApp;
export const hostOutputs: (() => string)[] = [];
export let page: Page;
/** The sandbox's tokens as the API listed them before any journey changed them. */
export let initial: ApiToken[];
/** Token values the spec handled; none may appear in what the app wrote. */
export const secrets: string[] = [];
/** Tokens a journey changed, so later journeys pick untouched ones. */
export const used = new Set<string>();

export const client = () => sandbox.accounts.find((a) => a.type === 'Client')!;
export const api = createApi(
  () => sandbox.url,
  () => client().adminToken,
);
export const ui = () => tokensUi(() => page);

/** The app over the spec's data folder, wide enough for every row action (see the test at the default window size). */
async function openApp(desk: Desk): Promise<DeskApp> {
  const started = await desk.open({ dataDir, size: { width: 1600, height: 900 }, clipboard: true });
  hostOutputs.push(started.output);
  page = started.page;
  return started;
}

/** Stops the app and starts it again over the same data folder and keychain service. */
export async function restartApp(desk: Desk): Promise<void> {
  await app.stop();
  app = await openApp(desk);
}

/** An untouched Active sample token (not the admin token), optionally with a condition. */
export function pick(where: (t: ApiToken) => boolean = () => true): ApiToken {
  const token = initial.find((t) => t.status === 'Active' && t.id !== client().adminTokenId && !used.has(t.id) && where(t));
  expect(token, 'the sandbox seed has no token for this journey').toBeTruthy();
  used.add(token!.id);
  return token!;
}

/** Registers the spec's hooks; call once at the top of a tokens spec. */
export function useTokensJourneys(): void {
  test.beforeAll(async ({ desk }) => {
    dataDir = makeDataDir();
    hostOutputs.length = 0;
    secrets.length = 0;
    used.clear();
    service = desk.keychainService;
    keychain = await keychainAvailability();
    if (!keychain.ok) {
      console.log(`[tokens e2e] skipped: ${keychain.reason}`);
      return;
    }
    if (!desk.available.ok) return; // every test skips with the reason (host.ts)
    sandbox = await startSandbox({ seed: 505, accounts: [{ type: 'Client', tokens: 40 }] });
    secrets.push(client().adminToken);
    initial = await api.listTokens();
    app = await openApp(desk);
    await connectWithForm(page, { name: 'Stark (sandbox)', baseUrl: sandbox.url, token: client().adminToken });
    await expect(ui().grid()).toBeVisible();
    await expect(ui().count()).toHaveText(`${initial.length} tokens`);
  });

  test.afterAll(async () => {
    await app?.stop();
    await sandbox?.close();
    if (keychain.ok && service) await clearKeychain(service);
  });

  test.beforeEach(() => {
    test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  });
}
