/**
 * Issue 10 journeys in both hosts (tests/e2e/support/host.ts: the browser host + Chromium, and the
 * desktop app wherever Electron is installed): connect through the Connect form to a
 * separately started sandbox (`node dist/sandbox/cli.cjs`), open the Audit log, search and
 * filter, open a token from it; disable the token in its details and see the record appear in
 * its open Audit trail tab; stop the sandbox and reload: both views still list the records,
 * with the offline banner. Light and dark screenshots and an axe scan of the new view.
 * Needs the keychain (see tests/e2e/support/tokens-journey.ts for how CI provides one).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import type { DeskApp } from './support/host';
import { clearKeychain, keychainAvailability } from './support/keychain';
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process';
import { connectWithForm, seriousViolations, tokensUi } from './support/tokens-helpers';
import { makeDataDir } from './support/web-host';

let sandbox: SandboxProcess | undefined;
let app: DeskApp | undefined;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
let service: string;
const dataDir = makeDataDir();
const shots = path.join(__dirname, '..', '..', 'test-results', 'audit');

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const logTable = (page: Page) => page.getByRole('table', { name: /^Audit log, newest first/ });
const logRows = (page: Page) => logTable(page).getByRole('rowgroup').nth(1).getByRole('row');

test.beforeAll(async ({ desk }) => {
  service = desk.keychainService;
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[audit e2e] skipped: ${keychain.reason}`);
});

test.afterAll(async () => {
  await app?.stop();
  await sandbox?.stop();
  if (keychain.ok && service) await clearKeychain(service);
});

test('audit log and trail: search, filter, open a token, a disable appears in the open tab, offline after a reload', async ({ desk }) => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  test.setTimeout(120_000);
  sandbox = await startSandboxProcess(['--port', '0', '--seed', '21', '--tokens', '30', '--audit-records', '600']);
  const client = sandbox.accounts.find((a) => a.type === 'Client')!;
  app = await desk.open({ dataDir, size: { width: 1440, height: 900 } });
  const page = app.page;
  await connectWithForm(page, { name: 'Stark (sandbox)', baseUrl: sandbox.url, token: client.adminToken });
  const t = tokensUi(page);
  await expect(t.grid()).toBeVisible();

  // The Audit log: every record of the account, newest first.
  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(logTable(page)).toHaveAttribute('aria-label', /of (6\d\d|[7-9]\d\d) records/);
  await expect(logRows(page).first()).toBeVisible();

  // Search narrows; the event filter narrows further; every shown row matches.
  const firstToken = (await logRows(page).first().getByRole('cell').nth(2).getByRole('button').textContent())!.trim();
  await page.getByRole('searchbox', { name: 'Search' }).fill(firstToken);
  await expect(logTable(page)).toHaveAttribute('aria-label', /newest first, \d+ of/);
  for (const row of await logRows(page).all()) await expect(row).toContainText(firstToken);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('combobox', { name: 'Event' }).selectOption('disabled');
  await expect(logRows(page).first()).toBeVisible();
  for (const row of (await logRows(page).all()).slice(0, 10)) await expect(row.getByRole('cell').nth(1)).toHaveText('disabled');

  // Themes and accessibility of the new view.
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'audit-log-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(shots, 'audit-log-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await seriousViolations(page, '.audit-log', 'audit log')).toEqual([]);
  await page.getByRole('combobox', { name: 'Event' }).selectOption('');

  // A row of a deleted token says so; a row of a live token opens it on the Audit trail tab.
  const list = (await (await fetch(`${sandbox.url}/public/v1/accounts/api-tokens?limit=100`, { headers: { Authorization: `Bearer ${client.adminToken}` } })).json()) as { data: Array<{ id: string; name: string; status: string }> };
  const deletedRow = logRows(page).filter({ has: page.getByText('deleted', { exact: true }) }).first();
  if (await deletedRow.count()) {
    const goneId = (await deletedRow.getByRole('cell').nth(2).locator('.muted').textContent())!.trim();
    if (!list.data.some((x) => x.id === goneId)) {
      await deletedRow.getByRole('cell').nth(2).getByRole('button').click();
      await expect(page.getByText(`The token ${goneId} no longer exists.`)).toBeVisible();
    }
  }
  const live = list.data.find((x) => x.status === 'Active' && x.id !== client.adminTokenId)!;
  const tokenId = live.id;
  const tokenName = live.name;
  await page.getByRole('searchbox', { name: 'Search' }).fill(tokenId);
  await expect(logRows(page).first()).toContainText(tokenId);
  await logRows(page).first().getByRole('cell').nth(2).getByRole('button').click();
  await expect(t.detailsHeading()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Audit trail' })).toHaveAttribute('aria-selected', 'true');
  const trail = page.getByRole('table', { name: 'Audit trail, newest first' });
  await expect(trail.getByRole('row').nth(1)).toBeVisible();
  const rowsBefore = await trail.getByRole('row').count();

  // Disable (or enable) it in its details: the new record appears on top of the open tab.
  const status = (await t.detailsStatus().textContent())!.trim();
  const action = status === 'Active' ? 'Disable' : 'Enable';
  await t.details().getByRole('button', { name: `${action} ${tokenName}` }).click();
  // Disable asks first (what it does to integrations); Enable does not.
  if (action === 'Disable') await page.getByRole('dialog', { name: `Disable “${tokenName}”?` }).getByRole('button', { name: 'Disable token' }).click();
  // Each event once: its sentence, the event code on hover only.
  const newest = trail.getByRole('row').nth(1);
  await expect(newest).toContainText(action === 'Disable' ? 'has been disabled' : 'has been enabled');
  await expect(newest.getByRole('cell').nth(1)).toHaveAttribute('title', action === 'Disable' ? /apiToken\.disabled$/ : /apiToken\.enabled$/);
  await expect(newest).not.toContainText('apiToken.');
  await expect(trail.getByRole('row')).toHaveCount(rowsBefore + 1);
  await expect(trail.getByRole('row').nth(1)).toContainText(tokenId);

  // The sandbox stops; a reload shows both views from the cache, with the offline banner.
  await sandbox.stop();
  sandbox = undefined;
  await page.reload();
  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.locator('.audit-log').getByRole('status').filter({ hasText: /^Offline — showing data from/ })).toBeVisible({ timeout: 30_000 });
  // One offline banner on the view: the shell's launch banner does not repeat the page's.
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /^Offline/ })).toHaveCount(1);
  await expect(logRows(page).first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search' }).fill(tokenId);
  await expect(logRows(page).first()).toContainText(tokenId);
  await logRows(page).first().getByRole('cell').nth(2).getByRole('button').click();
  await expect(t.detailsHeading()).toHaveText(tokenName);
  await expect(page.locator('.audit').getByRole('status').filter({ hasText: /^Offline — showing data from/ })).toBeVisible({ timeout: 30_000 });
  await expect(trail.getByRole('row')).toHaveCount(rowsBefore + 1);
  await app.stop();
});
