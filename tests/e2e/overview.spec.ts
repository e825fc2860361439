/**
 * The Overview against a sandbox started on its own, connected through the Connect form: its
 * counts match the token table; a last-access bar opens the table with exactly the tokens of
 * that span (the ids checked against the sandbox's own list, bucketed here by the spans' edges);
 * an attention item's Disable goes through the confirm dialog, says so in a toast and reaches the
 * Marketplace; opened at `/` with a saved connection, the app starts on the Overview; with the
 * sandbox stopped, a reload still shows the numbers, with the date of the data they come from.
 * Needs the keychain (a real connection keeps its admin token there).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import type { DeskApp } from './support/host';
import { clearKeychain, keychainAvailability } from './support/keychain';
import { startSandboxProcess, type SandboxProcess } from './support/sandbox-process';
import { connectWithForm, createApi, tokensUi, type ApiToken } from './support/tokens-helpers';
import { makeDataDir } from './support/web-host';

test.skip(({ hostKind }) => hostKind === 'electron', 'the address bar and a reload at `/` are the browser host’s');

let sandbox: SandboxProcess | undefined;
let app: DeskApp | undefined;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
let service: string;

const DAY = 86_400_000;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const overviewHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Overview' });
const tile = (page: Page, key: string) => page.getByTestId(`count-${key}`).locator('dd');
const tileValue = async (page: Page, key: string) => Number((await tile(page, key).textContent())!.replace(/\D/g, ''));
/** "17 of 26 tokens" / "26 tokens" → the first number. */
const shownCount = async (page: Page) => Number((await tokensUi(page).count().textContent())!.replace(/,/g, '').match(/\d+/)![0]);

/** The spans as the issue names them, written out here rather than imported: never, ≤ 7 d, ≤ 30 d, ≤ 90 d, older. */
function spanOf(token: ApiToken, now: number): string {
  if (!token.lastAccessAt) return 'never';
  const age = now - Date.parse(token.lastAccessAt);
  return age <= 7 * DAY ? 'week' : age <= 30 * DAY ? 'month' : age <= 90 * DAY ? 'quarter' : 'older';
}

test.beforeAll(async ({ desk }) => {
  service = desk.keychainService;
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[overview e2e] skipped: ${keychain.reason}`);
});

test.afterAll(async () => {
  await app?.stop();
  await sandbox?.stop();
  if (keychain.ok && service) await clearKeychain(service);
});

test('overview: counts match the table, a bar opens exactly its tokens, Disable from the list, the start page, offline with its date', async ({ desk }) => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  test.setTimeout(150_000);
  sandbox = await startSandboxProcess(['--port', '0', '--seed', '24', '--tokens', '30', '--audit-records', '300']);
  const client = sandbox.accounts.find((a) => a.type === 'Client')!;
  const api = createApi(() => sandbox!.url, () => client.adminToken);
  // Tall enough that the table renders every row of a span at once.
  app = await desk.open({ dataDir: makeDataDir(), size: { width: 1280, height: 1600 } });
  const page = app.page;
  const t = tokensUi(page);
  await connectWithForm(page, { name: 'Stark (sandbox)', baseUrl: sandbox.url, token: client.adminToken });
  await expect(t.grid()).toBeVisible();
  await expect(t.count()).toHaveText(/^\d+ tokens$/);

  // Counts: the tiles against the table, unfiltered and by status.
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  await expect(overviewHeading(page)).toBeVisible();
  await expect(tile(page, 'tokens')).toBeVisible();
  const counts = { tokens: await tileValue(page, 'tokens'), active: await tileValue(page, 'active'), disabled: await tileValue(page, 'disabled') };
  const listed = await api.listTokens();
  expect(counts.tokens).toBe(listed.length);
  await nav(page).getByRole('link', { name: 'API tokens' }).click();
  await expect(t.count()).toHaveText(`${counts.tokens} tokens`);
  await t.statusFilter().selectOption('Active');
  expect(await shownCount(page)).toBe(counts.active);
  await t.statusFilter().selectOption('Disabled');
  expect(await shownCount(page)).toBe(counts.disabled);
  await t.statusFilter().selectOption('all');

  // Each last-access bar opens the table with exactly its tokens; a search typed before is dropped.
  await t.search().fill('something typed before');
  const now = Date.now();
  const bars = [
    { key: 'never', label: 'Never used' },
    { key: 'older', label: 'Over 90 days ago' },
    { key: 'quarter', label: '30–90 days ago' },
  ];
  for (const bar of bars) {
    const expected = listed.filter((tk) => spanOf(tk, now) === bar.key).map((tk) => tk.id).sort();
    await nav(page).getByRole('link', { name: 'Overview' }).click();
    const button = page.getByRole('button', { name: new RegExp(`^${bar.label}: \\d+ tokens?\\. Show them in the token table$`) });
    await expect(button).toHaveAccessibleName(new RegExp(`: ${expected.length} tokens?\\.`));
    await button.click();
    await expect(page).toHaveURL(/\/tokens$/);
    await expect(page.getByRole('combobox', { name: 'Last access' })).toHaveValue(bar.key);
    await expect(t.search()).toHaveValue('');
    await expect(t.count()).toHaveText(`${expected.length} of ${counts.tokens} tokens`);
    await expect.poll(async () => (await t.visibleIds()).sort()).toEqual(expected);
  }
  await page.getByRole('combobox', { name: 'Last access' }).selectOption('');
  await expect(t.count()).toHaveText(`${counts.tokens} tokens`);

  // "Show as table" gives the same numbers, each a way into the table too.
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  const access = page.getByRole('region', { name: 'Last access' });
  await access.getByRole('button', { name: 'Show as table' }).click();
  await expect(access.getByRole('button', { name: 'Show as table' })).toHaveAttribute('aria-pressed', 'true');
  await expect(access.getByRole('table').getByRole('row')).toHaveCount(6);
  await access.getByRole('button', { name: 'Show as table' }).click();

  // A day of the audit chart opens the audit log filtered to that day, with that day's records.
  const busy = page.locator('.day-column:not([aria-label*=": 0 events"])').first();
  const label = (await busy.getAttribute('aria-label'))!;
  const events = Number(label.match(/: (\d+) events?/)![1]);
  await busy.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(from);
  await expect(page.getByRole('table', { name: /^Audit log, newest first/ })).toHaveAttribute('aria-label', new RegExp(`, ${events} of \\d+ records$`));
  await nav(page).getByRole('link', { name: 'Overview' }).click();

  // An attention item's Disable: the confirm dialog, a toast, the token Disabled at the Marketplace.
  const unused = page.getByRole('region', { name: /^Not used for a long time/ });
  const item = unused.getByRole('listitem').first();
  const id = (await item.getAttribute('data-token-id'))!;
  const name = (await item.locator('.attention-name').textContent())!;
  await item.getByRole('button', { name: `Disable “${name}”` }).click();
  const dialog = page.getByRole('dialog', { name: `Disable “${name}”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Disable token' }).click();
  await expect(page.locator('.toasts').getByText(`Disabled “${name}”.`, { exact: false })).toBeVisible();
  await expect.poll(async () => (await api.getToken(id)).status).toBe('Disabled');
  await expect(unused.locator(`[data-token-id="${id}"]`)).toHaveCount(0);
  await expect.poll(() => tileValue(page, 'disabled')).toBe(counts.disabled + 1);

  // Opened at its home address with a saved connection, the app starts on the Overview.
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/`);
  await expect(overviewHeading(page)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(`${origin}/overview`);
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

  // Offline: the saved numbers, one banner with the date they are from.
  await expect(tile(page, 'tokens')).toHaveText(String(counts.tokens));
  await sandbox.stop();
  await page.reload();
  await expect(overviewHeading(page)).toBeVisible({ timeout: 30_000 });
  const banner = page.getByRole('main').getByRole('status').filter({ hasText: /^Offline/ });
  await expect(banner).toHaveCount(1, { timeout: 30_000 });
  await expect(banner).toContainText(/showing data from \w{3} \d{1,2}, \d{4}/);
  await expect(tile(page, 'tokens')).toHaveText(String(counts.tokens));
  await expect(tile(page, 'disabled')).toHaveText(String(counts.disabled + 1));
  await expect(page.getByRole('button', { name: /^Over 90 days ago: \d+ tokens?\. Show them/ })).toBeVisible();
});
