/**
 * In the browser host + Chromium, against a real sandbox over HTTP and the real keychain:
 * Quick Access at /quick lists the stored values, typing part of a name and Enter puts the value
 * on the browser's clipboard, Shift+Enter or "Open details" opens the token in the tab (switching
 * connection first when it is another's); the Access log lists that copy, a reveal and a copy from the token table; Settings says a browser
 * cannot mark the clipboard as secret and saves the clear delay; axe on the new screens in light
 * and dark.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/page-errors';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { clearKeychain, keychainAvailability, uniqueKeychainService } from './support/keychain';
import { recordKnownSecrets } from './support/secrets-scan';
import { connectWithForm, createApi, seriousViolations, tokensUi } from './support/tokens-helpers';
import { makeDataDir, startWebHostProcess } from './support/web-host';
import type { WebHostProcess } from './support/web-host';

let sandbox: RunningSandbox | undefined;
let host: WebHostProcess | undefined;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
const service = uniqueKeychainService();

const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => window.desk!.invoke(c as never, i), [channel, input] as const) as Promise<{ ok: boolean; value?: any; error?: { message: string } }>;

async function axeBothSchemes(page: Page, selector: string, label: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page, selector, `${label} (${scheme})`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.beforeAll(async () => {
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[quick e2e] skipped: ${keychain.reason}`);
});

test.afterAll(async () => {
  await host?.stop();
  await sandbox?.close();
  if (keychain.ok) await clearKeychain(service);
});

test('Quick Access copies a stored value; the access log lists the copy and a reveal; Settings; axe light and dark', async ({ browser }) => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  test.setTimeout(120_000);
  sandbox = await startSandbox({ seed: 77, accounts: [{ type: 'Client', tokens: 12 }] });
  const client = sandbox.accounts.find((a) => a.type === 'Client')!;
  const api = createApi(() => sandbox!.url, () => client.adminToken);
  const made = await api.createToken('Quick pipeline deploy', 'for the quick access journey', ['MOD-1756']);
  const other = await api.createToken('Reporting export', 'a second stored value', ['MOD-1756']);
  recordKnownSecrets([made.value, other.value, client.adminToken]);

  host = await startWebHostProcess({ dataDir: makeDataDir(), env: { TOKEN_DESK_KEYCHAIN_SERVICE: service } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(host.url);
  await connectWithForm(page, { name: 'Stark (sandbox)', baseUrl: sandbox.url, token: client.adminToken });
  await expect(tokensUi(page).grid()).toBeVisible();
  // Values of tokens created elsewhere, through the app's own verified path (values.add).
  // Token and value calls name the connection the page shows.
  const connectionId = (await invoke(page, 'connections.list', {})).value.activeId as string;
  for (const t of [made, other]) expect((await invoke(page, 'values.add', { id: t.id, value: t.value, connectionId })).ok).toBe(true);

  // Quick Access at /quick: type part of the name, Enter, the browser's clipboard holds the value.
  const quick = await context.newPage();
  await quick.goto(`${host.origin}/quick#${host.secret}`);
  const search = quick.getByRole('combobox', { name: 'Find a token' });
  await expect(search).toBeEnabled();
  await expect(quick.getByRole('option')).toHaveCount(2);
  await expect(quick.getByRole('listbox')).toContainText('Stark (sandbox)');
  await axeBothSchemes(quick, '.quick-access', 'quick access');
  await quick.evaluate(() => navigator.clipboard.writeText('before'));
  await search.pressSequentially('pipeline dep');
  await expect(quick.getByRole('option')).toHaveCount(1);
  await expect(quick.getByRole('option', { selected: true })).toContainText('Quick pipeline deploy');
  await search.press('Enter');
  await expect.poll(() => quick.evaluate(() => navigator.clipboard.readText())).toBe(made.value);
  await expect(quick.getByRole('status').filter({ hasText: 'Copied Quick pipeline deploy — clipboard clears in 30 s if this tab is in front, else when you come back to it' })).toBeVisible();
  await expect(quick.getByText('A browser cannot mark the clipboard as secret', { exact: false })).toBeVisible();
  // Arrows move the choice; an unmatched search says so.
  await search.fill('');
  await search.press('ArrowDown');
  await expect(quick.getByRole('option', { selected: true })).toContainText('Reporting export');
  await search.fill('no such token');
  await expect(quick.getByText('No stored value matches')).toBeVisible();
  await quick.evaluate(() => navigator.clipboard.writeText(''));

  // A reveal from the page (the details' Show uses this call), then the Access log lists both.
  expect((await invoke(page, 'values.reveal', { id: other.id, connectionId })).ok).toBe(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access log' }).click();
  const log = page.getByRole('table', { name: 'Value access log, newest first' });
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log.getByRole('row').nth(1)).toContainText('Revealed');
  await expect(log.getByRole('row').nth(1)).toContainText('Reporting export');
  // Main names the source from the channel (the browser host cannot tell its pages apart).
  await expect(log.getByRole('row').nth(1)).toContainText('Token Desk window');
  await expect(log.getByRole('row').nth(2)).toContainText('Copied');
  await expect(log.getByRole('row').nth(2)).toContainText('Quick pipeline deploy');
  await expect(log.getByRole('row').nth(2)).toContainText('Quick Access');
  await page.getByRole('combobox', { name: 'Action' }).selectOption('copy');
  await expect(log.getByRole('row')).toHaveCount(2);
  await expect(page.locator('.access-table')).not.toContainText('idt:');

  // A date range: today keeps the copy, a range starting tomorrow matches nothing.
  const day = (offset: number) => page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, offset);
  await page.getByLabel('From', { exact: true }).fill(await day(0));
  await page.getByLabel('To', { exact: true }).fill(await day(0));
  await expect(log.getByRole('row')).toHaveCount(2);
  await page.getByLabel('To', { exact: true }).fill('');
  await page.getByLabel('From', { exact: true }).fill(await day(1));
  await expect(page.getByText('No reveal or copy matches these filters.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('');
  await expect(log.getByRole('row')).toHaveCount(2);

  // Export: the filtered rows as CSV (the audit log's one CSV rule), never a value.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^token-desk-access-log-values-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Time (UTC),Action,Token ID,Token name,Connection,From');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('Copied');
  expect(lines[1]).toContain('Quick pipeline deploy');
  expect(csv).not.toContain('idt:');
  await expect(page.getByText(/^Exported 1 record of the access log to token-desk-access-log-/)).toBeVisible();
  await axeBothSchemes(page, '.desktop-view', 'access log');

  // A copy from the token table (its row's Copy value) is logged as the app window's.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'API tokens' }).click();
  await page.reload(); // the values were added behind the page's back (values.add above): load the list again
  const row = await tokensUi(page).showOnly(other.id);
  await row.getByRole('button', { name: 'Copy value of Reporting export' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(other.value);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await nav.getByRole('link', { name: 'Access log' }).click();
  await expect(log.getByRole('row')).toHaveCount(4);
  await expect(log.getByRole('row').nth(1)).toContainText('Copied');
  await expect(log.getByRole('row').nth(1)).toContainText('Reporting export');
  await expect(log.getByRole('row').nth(1)).toContainText('Token Desk window');

  // Settings: the browser's clipboard limit, the clear delay saved and applied.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('secret-clipboard')).toHaveText(/A browser cannot mark the clipboard as secret/);
  await expect(page.getByText('A browser cannot register global shortcuts')).toBeVisible();
  await page.getByLabel('Clear a copied value after').selectOption({ label: '10 s' });
  await expect(page.getByText('Clear delay saved.')).toBeVisible();
  // No shortcut field where no shortcut can work: the sentence above says why instead.
  await expect(page.getByLabel('Global shortcut')).toHaveCount(0);
  await axeBothSchemes(page, '.desktop-view', 'settings');
  expect((await invoke(page, 'settings.get', {})).value.settings.clipboardClearMs).toBe(10_000);
  expect((await invoke(page, 'settings.set', { clipboardClearMs: 12_345 })).ok).toBe(false);
  await quick.reload();
  await quick.getByRole('combobox', { name: 'Find a token' }).pressSequentially('reporting');
  await quick.getByRole('combobox', { name: 'Find a token' }).press('Enter');
  await expect(quick.getByText('Copied Reporting export — clipboard clears in 10 s if this tab is in front, else when you come back to it')).toBeVisible();
  await expect.poll(() => quick.evaluate(() => navigator.clipboard.readText())).toBe(other.value);

  // Open details: the browser host's Quick Access tab opens the token itself (Shift+Enter or the button).
  const quickSearch = quick.getByRole('combobox', { name: 'Find a token' });
  await quickSearch.fill('reporting');
  await quickSearch.press('Shift+Enter');
  await expect(quick).toHaveURL(new RegExp(`/tokens/${other.id}$`));
  await expect(quick.getByRole('heading', { name: 'Reporting export', level: 1 })).toBeVisible();
  // A token of a connection the app does not show: Quick Access switches to it first.
  expect((await invoke(page, 'sandbox.start', {})).ok).toBe(true);
  expect((await invoke(page, 'connections.list', {})).value.activeId).not.toBe(connectionId);
  await quick.goto(`${host.origin}/quick`); // the tab keeps its session (sessionStorage)
  await quickSearch.pressSequentially('pipeline');
  await expect(quick.getByRole('option', { selected: true })).toContainText('Quick pipeline deploy');
  await axeBothSchemes(quick, '.quick-access', 'quick access with Open details');
  await quick.getByRole('button', { name: 'Open details' }).click();
  await expect(quick).toHaveURL(new RegExp(`/tokens/${made.id}$`));
  await expect(quick.getByRole('heading', { name: 'Quick pipeline deploy', level: 1 })).toBeVisible();
  expect((await invoke(quick, 'connections.list', {})).value.activeId).toBe(connectionId);
  await context.close();
});
