/**
 * Damaged files in the browser host + Chromium (issue 9, item 2), with the real keychain and a
 * real sandbox over HTTP: the host starts on a damaged settings file and a damaged cache, the page
 * shows ONE notice naming both copies (nothing deleted, the cache rebuilt), and offers to restore
 * the connection whose admin token is still in the keychain — verified with "who am I" first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { clearKeychain, keychainAccounts, keychainAvailability, uniqueKeychainService } from './support/keychain';
import { recordKnownSecrets, recordPageStorage } from './support/secrets-scan';
import { connectWithForm, seriousViolations } from './support/tokens-helpers';
import { makeDataDir, startWebHostProcess } from './support/web-host';
import type { WebHostProcess } from './support/web-host';

let sandbox: RunningSandbox;
let keychain: { ok: true } | { ok: false; reason: string };
const service = uniqueKeychainService();
const hosts: WebHostProcess[] = [];
const pages: Page[] = [];

test.beforeAll(async () => {
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[recovery e2e] skipped: ${keychain.reason}`);
  sandbox = await startSandbox({ seed: 909, tokensPerAccount: 4 });
  recordKnownSecrets(sandbox.accounts.map((a) => a.adminToken));
});
test.afterAll(async () => {
  for (const page of pages) if (!page.isClosed()) await recordPageStorage(page.context());
  for (const page of pages) await page.context().close();
  for (const host of hosts) await host.stop();
  await sandbox?.close();
  if (keychain?.ok) await clearKeychain(service);
});
test.beforeEach(() => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
});

const client = () => sandbox.accounts.find((a) => a.type === 'Client')!;

async function open(browser: import('@playwright/test').Browser, dataDir: string): Promise<{ host: WebHostProcess; page: Page }> {
  const host = await startWebHostProcess({ dataDir, env: { TOKEN_DESK_KEYCHAIN_SERVICE: service } });
  hosts.push(host);
  const page = await (await browser.newContext()).newPage();
  pages.push(page);
  await page.goto(host.url);
  return { host, page };
}

test('damaged settings and cache: the host starts, one notice names both copies, the connection is restored from the keychain', async ({ browser }) => {
  const dataDir = makeDataDir();
  let { host, page } = await open(browser, dataDir);
  await connectWithForm(page, { name: 'Stark', baseUrl: sandbox.url, token: client().adminToken });
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText(client().name);
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  const [account] = await keychainAccounts(service);
  expect(account).toMatch(/^connection:/);
  await recordPageStorage(page.context());
  await page.context().close();
  await host.stop();

  // A crash mid-write and a bad disk.
  const settings = path.join(dataDir, 'settings.json');
  const truncated = fs.readFileSync(settings).subarray(0, 25);
  fs.writeFileSync(settings, truncated);
  fs.writeFileSync(path.join(dataDir, 'cache.json'), Buffer.from([0x89, 0x00, 0xff, 0x7b, 0x22]));

  ({ host, page } = await open(browser, dataDir));
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

  // The offer: the admin token is still in the keychain. A wrong address: who-am-I fails, nothing saved.
  const restore = notice.getByRole('form', { name: `Restore the connection of admin token ${client().adminTokenId}` });
  await restore.getByLabel('Display name').fill('Stark (restored)');
  await restore.getByLabel('Environment').fill('http://127.0.0.1:9');
  await restore.getByRole('button', { name: `Restore ${client().adminTokenId}` }).click();
  await expect(restore.getByRole('alert')).toContainText(/reach|connect|offline/i);
  expect(fs.existsSync(settings) ? JSON.parse(fs.readFileSync(settings, 'utf8')).connections ?? [] : []).toEqual([]);

  // The right address: verified, saved under its old id.
  await restore.getByLabel('Environment').fill(sandbox.url);
  await restore.getByRole('button', { name: `Restore ${client().adminTokenId}` }).click();
  await expect(notice.getByRole('status').filter({ hasText: 'Restored “Stark (restored)”' })).toContainText(client().name);
  await notice.getByRole('button', { name: 'Done' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark (restored)');
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  expect(await keychainAccounts(service)).toEqual([account]);
  const saved = JSON.parse(fs.readFileSync(settings, 'utf8')) as { connections: { id: string }[] };
  expect(saved.connections.map((c) => `connection:${c.id}`)).toEqual([account]);

  // Said once: a reload does not show it again, nor does the next start (the files are healthy now).
  await page.reload();
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await recordPageStorage(page.context());
  await page.context().close();
  await host.stop();
  ({ host, page } = await open(browser, dataDir));
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Stark (restored)');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The damaged copies are still there: nothing was ever deleted.
  expect(fs.readdirSync(dataDir).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
});

test('only the cache damaged: the notice says it is rebuilt, the connection is untouched, no restore offer', async ({ browser }) => {
  const dataDir = makeDataDir();
  let { host, page } = await open(browser, dataDir);
  await connectWithForm(page, { name: 'Ops', baseUrl: sandbox.url, token: sandbox.accounts.find((a) => a.type === 'Operations')!.adminToken });
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  await recordPageStorage(page.context());
  await page.context().close();
  await host.stop();

  fs.writeFileSync(path.join(dataDir, 'cache.json'), '{"cache:x:tokens": {"items": [');
  ({ host, page } = await open(browser, dataDir));
  const notice = page.getByRole('dialog', { name: 'Token Desk recovered from a damaged file' });
  await expect(notice).toContainText('The offline cache could not be read');
  await expect(notice).toContainText('A rebuilt cache');
  await expect(notice.getByRole('form')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Close' }).last().click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Switch connection/ })).toContainText('Ops');
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
  // The rebuilt cache is a fresh, readable file again.
  await expect.poll(() => fs.existsSync(path.join(dataDir, 'cache.json')) && JSON.parse(fs.readFileSync(path.join(dataDir, 'cache.json'), 'utf8'))).toBeTruthy();
});
