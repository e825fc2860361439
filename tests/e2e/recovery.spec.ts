/**
 * Damaged files (issue 9, item 2) in both hosts (tests/e2e/support/host.ts: the browser host +
 * Chromium, and the desktop app wherever Electron is installed), with the real keychain and a
 * real sandbox over HTTP: the app starts on a damaged settings file and a damaged cache, the page
 * shows ONE notice naming both copies (nothing deleted, the cache rebuilt), and offers to restore
 * the connection whose admin token is still in the keychain — verified with "who am I" first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { expect, test } from './support/host';
import type { Desk, DeskApp } from './support/host';
import { clearKeychain, keychainAccounts, keychainAvailability } from './support/keychain';
import { recordKnownSecrets } from './support/secrets-scan';
import { connectWithForm, seriousViolations } from './support/tokens-helpers';
import { makeDataDir } from './support/web-host';

let sandbox: RunningSandbox;
let keychain: { ok: true } | { ok: false; reason: string };
let service: string;
/** Every app started; stop() also hands its page storage to the run's secret scan. */
const apps: DeskApp[] = [];

test.beforeAll(async ({ desk }) => {
  service = desk.keychainService;
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[recovery e2e] skipped: ${keychain.reason}`);
  if (!desk.available.ok) return; // every test skips with the reason (host.ts)
  sandbox = await startSandbox({ seed: 909, tokensPerAccount: 4 });
  recordKnownSecrets(sandbox.accounts.map((a) => a.adminToken));
});
test.afterAll(async () => {
  for (const app of apps) await app.stop();
  await sandbox?.close();
  if (keychain?.ok && service) await clearKeychain(service);
});
test.beforeEach(() => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
});

const client = () => sandbox.accounts.find((a) => a.type === 'Client')!;

async function open(desk: Desk, dataDir: string): Promise<{ host: DeskApp; page: DeskApp['page'] }> {
  const host = await desk.open({ dataDir });
  apps.push(host);
  return { host, page: host.page };
}

test('damaged settings and cache: the host starts, one notice names both copies, the connection is restored from the keychain', async ({ desk }) => {
  const dataDir = makeDataDir();
  let { host, page } = await open(desk, dataDir);
  await connectWithForm(page, { name: 'Stark', baseUrl: sandbox.url, token: client().adminToken });
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText(client().name);
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  const accounts = (await keychainAccounts(service)).sort();
  const account = accounts.find((a) => a.startsWith('connection:'))!;
  // The admin token, and beside it the address it was saved for.
  expect(accounts).toEqual([account.replace('connection:', 'address:'), account]);
  await host.stop();

  // A crash mid-write and a bad disk.
  const settings = path.join(dataDir, 'settings.json');
  const truncated = fs.readFileSync(settings).subarray(0, 25);
  fs.writeFileSync(settings, truncated);
  fs.writeFileSync(path.join(dataDir, 'cache.json'), Buffer.from([0x89, 0x00, 0xff, 0x7b, 0x22]));

  ({ host, page } = await open(desk, dataDir));
  const notice = page.getByRole('dialog', { name: 'Token Desk recovered from a damaged file' });
  await expect(notice).toBeVisible();
  const copies = fs.readdirSync(dataDir).filter((f) => f.includes('.corrupt-'));
  expect(copies.sort()).toEqual([expect.stringMatching(/^cache\.corrupt-.+\.json$/), expect.stringMatching(/^settings\.corrupt-.+\.json$/)]);
  const settingsCopy = path.join(dataDir, copies.find((f) => f.startsWith('settings'))!);
  expect(fs.readFileSync(settingsCopy)).toEqual(truncated);
  await expect(notice).toContainText('Your settings file could not be read');
  await expect(notice).toContainText(settingsCopy);
  await expect(notice).toContainText(path.join(dataDir, copies.find((f) => f.startsWith('cache'))!));
  await expect(notice).toContainText('A rebuilt cache');
  await expect(notice).toContainText('Nothing was deleted');
  expect(host.output()).toContain(`moved aside to ${settingsCopy}`);
  expect(await seriousViolations(page, 'dialog', 'startup notice')).toEqual([]);

  // The offer: the admin token is still in the keychain, with the address it was saved for.
  const restore = notice.getByRole('form', { name: `Restore the connection of admin token ${client().adminTokenId}` });
  await expect(restore.getByLabel('Environment')).toHaveValue(sandbox.url);
  // Another address: refused before the token is sent anywhere, nothing saved.
  await restore.getByLabel('Display name').fill('Stark (restored)');
  await restore.getByLabel('Environment').fill('http://127.0.0.1:9');
  await restore.getByRole('button', { name: `Restore ${client().adminTokenId}` }).click();
  await expect(restore).toContainText('Token Desk sends it only there');
  expect(fs.existsSync(settings) ? JSON.parse(fs.readFileSync(settings, 'utf8')).connections ?? [] : []).toEqual([]);

  // The right address: verified, saved under its old id.
  await restore.getByLabel('Environment').fill(sandbox.url);
  await restore.getByRole('button', { name: `Restore ${client().adminTokenId}` }).click();
  await expect(notice.getByRole('status').filter({ hasText: 'Restored “Stark (restored)”' })).toContainText(client().name);
  await notice.getByRole('button', { name: 'Done' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark (restored)');
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  expect((await keychainAccounts(service)).sort()).toEqual(accounts);
  const saved = JSON.parse(fs.readFileSync(settings, 'utf8')) as { connections: { id: string }[] };
  expect(saved.connections.map((c) => `connection:${c.id}`)).toEqual([account]);

  // Said once: a reload does not show it again, nor does the next start (the files are healthy now).
  await page.reload();
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await host.stop();
  ({ host, page } = await open(desk, dataDir));
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark (restored)');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The damaged copies are still there: nothing was ever deleted.
  expect(fs.readdirSync(dataDir).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
});

test('only the cache damaged: the notice says it is rebuilt, the connection is untouched, no restore offer', async ({ desk }) => {
  const dataDir = makeDataDir();
  let { host, page } = await open(desk, dataDir);
  await connectWithForm(page, { name: 'Ops', baseUrl: sandbox.url, token: sandbox.accounts.find((a) => a.type === 'Operations')!.adminToken });
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  await host.stop();

  fs.writeFileSync(path.join(dataDir, 'cache.json'), '{"cache:x:tokens": {"items": [');
  ({ host, page } = await open(desk, dataDir));
  const notice = page.getByRole('dialog', { name: 'Token Desk recovered from a damaged file' });
  await expect(notice).toContainText('The offline cache could not be read');
  await expect(notice).toContainText('A rebuilt cache');
  await expect(notice.getByRole('form')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Close' }).last().click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Ops');
  // A saved connection starts the app on the Overview.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  // The cache works again: the token list is cached in its own file, and every cache file reads
  // as JSON (cache.json itself is written again at its first change, not before).
  const cacheFiles = () => fs.readdirSync(dataDir).filter((f) => f === 'cache.json' || /^tokens-.+\.json$/.test(f));
  await expect.poll(() => cacheFiles().some((f) => f.startsWith('tokens-'))).toBe(true);
  for (const f of cacheFiles()) expect(() => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8')), f).not.toThrow();
});
