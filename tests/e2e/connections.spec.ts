/**
 * Issue 4 journeys against a real sandbox over HTTP and the real keychain (gnome-keyring in
 * CI), in both hosts (tests/e2e/support/host.ts): the browser host + Chromium, and the desktop
 * app wherever Electron is installed. The sandbox runs outside the app, so restarting the app
 * keeps the same Marketplace.
 */
import type { Page } from '@playwright/test';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { expect, test } from './support/host';
import type { Desk, DeskApp } from './support/host';
import { clearKeychain, keychainAccounts, keychainAvailability, keychainSecrets } from './support/keychain';
import { dataDirSources, findSecrets } from './support/secrets-scan';
import { makeDataDir } from './support/web-host';

let sandbox: RunningSandbox;
let keychain: { ok: true } | { ok: false; reason: string };
let service: string;
const hostOutputs: string[] = [];

test.beforeAll(async ({ desk }) => {
  service = desk.keychainService;
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[connections e2e] skipped: ${keychain.reason}`);
  sandbox = await startSandbox({ seed: 4242, tokensPerAccount: 5 });
});
test.afterAll(async () => {
  await sandbox?.close();
  if (keychain?.ok) await clearKeychain(service);
});
test.beforeEach(() => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
});

const account = (type: 'Client' | 'Vendor' | 'Operations') => sandbox.accounts.find((a) => a.type === type)!;

/** The app over `dataDir` (the fixture gives it this file's keychain service). */
const openApp = (desk: Desk, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<DeskApp> => desk.open({ dataDir, env });

async function fillConnection(page: Page, form: { name: string; baseUrl?: string; token: string }) {
  const scope = page.getByRole('form', { name: 'Add a connection' });
  await scope.getByLabel('Display name').fill(form.name);
  await scope.getByLabel('Environment').fill(form.baseUrl ?? sandbox.url);
  await scope.getByLabel('API token', { exact: true }).fill(form.token);
  return scope;
}

test('add a connection, land back in it after a restart, add a second, switch, remove', async ({ desk }) => {
  const dataDir = makeDataDir();
  let app = await openApp(desk, dataDir);
  let page = app.page;

  // Add: the token is verified, the account name shows in the header.
  const form = await fillConnection(page, { name: 'Stark (sandbox)', token: account('Client').adminToken });
  await form.getByRole('button', { name: 'Connect' }).click();
  const switcher = page.getByRole('button', { name: /Switch connection/ });
  await expect(switcher).toContainText(account('Client').name);
  await expect(switcher).toContainText('Client');

  // Restart the app: the last active connection is restored.
  hostOutputs.push(app.output());
  await app.stop();
  app = await openApp(desk, dataDir);
  page = app.page;
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark (sandbox)');

  // A second connection (an Operations account), then switch between them.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Add connection' }).click();
  const second = await fillConnection(page, { name: 'Ops desk', token: account('Operations').adminToken });
  await second.getByRole('button', { name: 'Add connection' }).click();
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Ops desk');
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Operations');

  await page.getByRole('button', { name: /Switch connection/ }).click();
  await page.getByRole('menuitem', { name: /Stark \(sandbox\)/ }).click();
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark (sandbox)');

  // Remove the Ops connection: its keychain entry is gone, the other stays.
  const accountsBefore = await keychainAccounts(service);
  expect(accountsBefore.filter((a) => a.startsWith('connection:'))).toHaveLength(2);
  const ops = page.getByRole('listitem', { name: 'Ops desk' });
  await ops.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove connection' }).click();
  await expect(page.getByRole('listitem', { name: 'Ops desk' })).toHaveCount(0);
  const left = await keychainSecrets(service);
  // Besides the admin token, the address it was saved for (not a secret: restore reads it).
  expect(left.filter((secret) => secret.startsWith('idt:'))).toEqual([account('Client').adminToken]);
  expect(await keychainAccounts(service)).toHaveLength(accountsBefore.length - 2);

  // No secret reached the store files, the host's output, or the page's storage.
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  hostOutputs.push(app.output());
  await app.stop();
  const hits = findSecrets(
    [account('Client').adminToken, account('Operations').adminToken],
    [...dataDirSources(dataDir), ...hostOutputs.map((text, i) => ({ label: `host output ${i}`, text })), { label: 'page storage', text: storage }],
  );
  expect(hits).toEqual([]);
});

test.describe('bad input gets a specific message and saves nothing', () => {
  let app: DeskApp | undefined;
  let page: Page;
  const dataDir = makeDataDir();

  test.beforeAll(async ({ desk }) => {
    if (!keychain.ok || !desk.available.ok) return;
    app = await openApp(desk, dataDir);
    page = app.page;
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  async function expectRefused(form: { name: string; baseUrl?: string; token: string }, message: RegExp) {
    const before = await keychainAccounts(service);
    const scope = await fillConnection(page, form);
    await scope.getByRole('button', { name: 'Connect' }).click();
    // The message shows where errors show (at the field or above the form), not in a hint.
    await expect(scope.locator('.field-error, .form-error').filter({ hasText: message })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
    expect(await keychainAccounts(service)).toEqual(before);
  }

  test('empty token', async () => {
    await expectRefused({ name: 'x', token: '' }, /paste|enter/i);
  });
  test('malformed token', async () => {
    await expectRefused({ name: 'x', token: 'hello world' }, /idt:TKN-/);
  });
  test('old unprefixed format gets a hint', async () => {
    await expectRefused({ name: 'x', token: 'a'.repeat(64) }, /older|prefix/i);
  });
  test('plain http to a remote host', async () => {
    await expectRefused({ name: 'x', baseUrl: 'http://api.platform.softwareone.com', token: account('Client').adminToken }, /https/i);
  });
  test('unreachable host', async () => {
    await expectRefused({ name: 'x', baseUrl: 'http://127.0.0.1:9', token: account('Client').adminToken }, /could not be reached|reach/i);
  });
  test('unknown token (401)', async () => {
    await expectRefused({ name: 'x', token: 'idt:TKN-0000-0000:' + 'A'.repeat(64) }, /rejected|not accepted|disabled, deleted or mistyped/i);
  });
  test('token without access to API tokens (403)', async () => {
    const created = await createToken(account('Client').adminToken, 'no access mgmt', ['MOD-0478']);
    await expectRefused({ name: 'x', token: created.token }, /Access Management|not allowed|permission|access/i);
  });
  test('disabled admin token', async () => {
    const created = await createToken(account('Client').adminToken, 'soon disabled', ['MOD-1756']);
    await api(account('Client').adminToken, 'POST', `/public/v1/accounts/api-tokens/${created.id}/disable`);
    await expectRefused({ name: 'x', token: created.token }, /disabled/i);
  });
});

test('a credential rejected at launch asks for a new token and keeps everything else; rename', async ({ desk }) => {
  const dataDir = makeDataDir();
  const disposable = await createToken(account('Client').adminToken, 'desk admin (to be disabled)', ['MOD-1756']);
  let app = await openApp(desk, dataDir);
  let page = app.page;
  const form = await fillConnection(page, { name: 'Stark via disposable', token: disposable.token });
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark via disposable');
  await app.stop();

  // Someone disables the token in the portal; the next launch asks for a new one.
  await api(account('Client').adminToken, 'POST', `/public/v1/accounts/api-tokens/${disposable.id}/disable`);
  app = await openApp(desk, dataDir);
  page = app.page;
  await expect(page.getByRole('heading', { name: /Re-enter the API token of “Stark via disposable”/ })).toBeVisible();
  const reenter = page.getByRole('form', { name: 'Re-enter API token' });
  await reenter.getByLabel('New API token').fill(account('Vendor').adminToken);
  await reenter.getByRole('button', { name: 'Save token' }).click();
  await expect(reenter.locator('.field-error')).toContainText(/belongs to/);
  await reenter.getByLabel('New API token').fill(account('Client').adminToken);
  await reenter.getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByRole('heading', { name: /Re-enter/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark via disposable');

  // Rename keeps the connection and its secret.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('listitem', { name: 'Stark via disposable' }).getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('form', { name: /Rename/ }).getByLabel('Display name').fill('Stark production');
  await page.getByRole('form', { name: /Rename/ }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark production');
  await app.stop();
});

test('keychain unavailable: a clear message with the fix, nothing saved', async ({ desk }) => {
  const dataDir = makeDataDir();
  const app = await openApp(desk, dataDir, { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
  const page = app.page;
  const scope = await fillConnection(page, { name: 'x', token: account('Client').adminToken });
  await scope.getByRole('button', { name: 'Connect' }).click();
  await expect(scope.getByRole('alert')).toContainText(/keychain|Secret Service/i);
  await expect(scope.getByRole('alert')).toContainText(/gnome-keyring|install|unlock/i);
  await app.stop();
  expect(findSecrets([account('Client').adminToken], dataDirSources(dataDir))).toEqual([]);
  expect(dataDirSources(dataDir).some((s) => s.text.includes('connections') && s.text.includes('"name":"x"'))).toBe(false);
});

test('Try the sandbox connects with no account and is labelled as sandbox', async ({ app }) => {
  await app.getByRole('button', { name: 'Try the sandbox' }).click();
  const switcher = app.getByRole('button', { name: /Switch connection/ });
  await expect(switcher).toContainText('Sandbox');
  await expect(switcher).toHaveAccessibleName(/sandbox/i);
});

async function api(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(sandbox.url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path} → ${response.status}`).toBe(true);
  return response.status === 204 ? undefined : ((await response.json()) as Record<string, any>);
}

async function createToken(adminToken: string, name: string, modules: string[]): Promise<{ id: string; token: string }> {
  const created = await api(adminToken, 'POST', '/public/v1/accounts/api-tokens', { name, description: '', icon: '', modules: modules.map((id) => ({ id })) });
  return { id: created!.id, token: created!.token };
}
