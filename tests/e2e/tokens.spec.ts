/**
 * Issue 5 journeys in both hosts (tests/e2e/support/host.ts: the browser host + Chromium, and the
 * desktop app wherever Electron is installed) against a real sandbox over HTTP and the real
 * keychain: find / sort / details, disable + enable, edit (+ a conflict by a second client),
 * delete, bulk disable, stored values (add, show, hide, copy; wrong values refused), the axe
 * scan, filters and sort after a restart, and no token value in anything the app wrote.
 *
 * One sandbox, one app and one page for the file (serial): every journey uses its own tokens,
 * and every step is checked against the sandbox API (the second client) or the keychain.
 *
 * Run it inside a private D-Bus session whose gnome-keyring has its OWN keyring folder (as .ci/run
 * does: XDG_DATA_HOME=$(mktemp -d) for the daemon): two daemons sharing ~/.local/share/keyrings
 * reload each other's writes, and a stored value then vanishes mid-test.
 */
import type { Page } from '@playwright/test';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { clipboardText, expect, setWindowSize, test, writeClipboardText } from './support/host';
import type { Desk, DeskApp } from './support/host';
import { clearKeychain, keychainAccounts, keychainAvailability } from './support/keychain';
import { dataDirSources, findSecrets } from './support/secrets-scan';
import {
  connectWithForm,
  createApi,
  idsByLastAccess,
  matchesSearch,
  seriousViolations,
  tokensUi,
  wrongSecretFor,
} from './support/tokens-helpers';
import type { ApiToken } from './support/tokens-helpers';
import { makeDataDir } from './support/web-host';

let sandbox: RunningSandbox;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
let service: string;
const dataDir = makeDataDir();
let app: DeskApp;
const hostOutputs: (() => string)[] = [];
let page: Page;
/** The sandbox's tokens as the API listed them before any journey changed them. */
let initial: ApiToken[];
/** Token values this file handled; none may appear in what the app wrote. */
const secrets: string[] = [];
/** Tokens a journey changed, so later journeys pick untouched ones. */
const used = new Set<string>();

const client = () => sandbox.accounts.find((a) => a.type === 'Client')!;
const api = createApi(
  () => sandbox.url,
  () => client().adminToken,
);
const ui = () => tokensUi(() => page);

/** The app over this file's data folder, wide enough for every row action (see the test at the default window size). */
async function openApp(desk: Desk): Promise<DeskApp> {
  const started = await desk.open({ dataDir, size: { width: 1600, height: 900 }, clipboard: true });
  hostOutputs.push(started.output);
  page = started.page;
  return started;
}

/** An untouched Active sample token (not the admin token), optionally with a condition. */
function pick(where: (t: ApiToken) => boolean = () => true): ApiToken {
  const token = initial.find((t) => t.status === 'Active' && t.id !== client().adminTokenId && !used.has(t.id) && where(t));
  expect(token, 'the sandbox seed has no token for this journey').toBeTruthy();
  used.add(token!.id);
  return token!;
}

test.beforeAll(async ({ desk }) => {
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

test.describe.serial('journeys on one host and page', () => {
  test('find a token by search, sort by last access, open details and walk all tabs', async () => {
    const t = ui();

    // Search: typing part of a name leaves exactly the tokens that match.
    const term = 'jenk';
    const expected = initial.filter((tok) => matchesSearch(tok, term)).map((tok) => tok.id);
    expect(expected.length, 'the search should narrow the list to a few tokens').toBeGreaterThanOrEqual(2);
    expect(expected.length).toBeLessThan(initial.length);
    await t.search().click();
    await t.search().pressSequentially(term);
    await expect(t.bodyRows()).toHaveCount(expected.length);
    expect((await t.visibleIds()).sort()).toEqual([...expected].sort());
    await expect(t.count()).toHaveText(`${expected.length} of ${initial.length} tokens`);
    await t.clearSearch();
    await expect(t.count()).toHaveText(`${initial.length} tokens`);

    // Sort by last access: ascending (never used first), then descending (the admin token, just used, first).
    await expect(t.columnHeader('Last access')).toHaveAttribute('aria-sort', 'none');
    await t.sortButton('Last access').click();
    await expect(t.columnHeader('Last access')).toHaveAttribute('aria-sort', 'ascending');
    await expect(t.columnHeader('Date created')).toHaveAttribute('aria-sort', 'none');
    const asc = idsByLastAccess(initial, 'asc');
    expect(initial.filter((tok) => !tok.lastAccessAt).length, 'the seed has never-used tokens').toBeGreaterThan(0);
    await expect.poll(async () => (await t.visibleIds()).slice(0, 6)).toEqual(asc.slice(0, 6));
    await t.sortButton('Last access').click();
    await expect(t.columnHeader('Last access')).toHaveAttribute('aria-sort', 'descending');
    const desc = idsByLastAccess(initial, 'desc');
    expect(desc[0]).toBe(client().adminTokenId);
    await expect.poll(async () => (await t.visibleIds()).slice(0, 6)).toEqual(desc.slice(0, 6));
    await expect(t.row(desc[1]!).getByRole('gridcell').nth(5).locator('time')).toHaveAttribute('datetime', initial.find((x) => x.id === desc[1])!.lastAccessAt!);

    // Details (keyboard: focus the row, Enter) of a token with a description, several modules and history.
    const chosen = pick((tok) => !!tok.description && tok.modules.length >= 2 && (tok.revision ?? 1) >= 2);
    const full = await api.getToken(chosen.id);
    const audit = await api.auditOf(chosen.id);
    expect(audit.length, 'the chosen token has an audit history').toBeGreaterThanOrEqual(2);
    await t.openDetails(chosen.id);
    await expect(t.detailsHeading()).toHaveText(chosen.name);
    await expect(t.details().getByText(chosen.id, { exact: true })).toBeVisible();

    // General: the description and the API endpoint; no stored value for a sample token.
    await expect(t.tab('General')).toHaveAttribute('aria-selected', 'true');
    await expect(t.tabPanel()).toContainText(full.description!);
    await expect(t.tabPanel()).toContainText(`${sandbox.url}/public/v1/accounts/api-tokens/${chosen.id}`);
    await expect(t.tabPanel().getByRole('button', { name: 'Add value' })).toBeVisible();

    // Modules: every module by name.
    await t.tab('Modules').click();
    await expect(t.tab('Modules')).toHaveAttribute('aria-selected', 'true');
    const moduleItems = t.tabPanel().getByRole('listitem');
    await expect(moduleItems).toHaveCount(full.modules.length);
    for (const m of full.modules) await expect(t.tabPanel()).toContainText(m.name ?? m.id);

    // Details: revision, created by.
    await t.tab('Details').click();
    await expect(t.fact('Revision')).toHaveText(String(full.revision));
    await expect(t.fact('Created by')).toContainText(full.audit!.created!.by!.name!);
    await expect(t.fact('Created by')).toContainText(full.audit!.created!.by!.id);
    await expect(t.fact('Updated by')).toContainText(full.audit!.updated!.by!.name!);

    // Audit trail: the token's records, newest first (as the API orders them).
    await t.tab('Audit trail').click();
    const table = t.tabPanel().getByRole('table', { name: 'Audit trail, newest first' });
    await expect(table.getByRole('row')).toHaveCount(audit.length + 1);
    const times = await table.locator('tbody time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    expect(times).toEqual(audit.map((r) => r.timestamp));
    expect([...times].sort().reverse()).toEqual(times);
    const firstRow = table.getByRole('row').nth(1);
    await expect(firstRow).toContainText(audit[0]!.event!);
    await expect(firstRow).toContainText(audit[0]!.summary!);
    await expect(table.getByRole('row').last()).toContainText('platform.accounts.apiToken.created');

    await t.backToList();
  });

  test('disable then enable a token: row, details and the API agree', async () => {
    const t = ui();
    const token = pick();
    const row = await t.showOnly(token.id);
    await expect(t.rowStatus(token.id)).toHaveText('Active');

    await row.getByRole('button', { name: `Disable ${token.name}` }).click();
    await expect(t.rowStatus(token.id)).toHaveText('Disabled');
    await expect(row.getByRole('button', { name: `Enable ${token.name}` })).toBeVisible();
    await expect(row.getByRole('button', { name: `Disable ${token.name}` })).toHaveCount(0);
    await expect.poll(async () => (await api.getToken(token.id)).status).toBe('Disabled');

    await t.openDetails(token.id);
    await expect(t.detailsStatus()).toHaveText('Disabled');
    await t.details().getByRole('button', { name: `Enable ${token.name}` }).click();
    await expect(t.detailsStatus()).toHaveText('Active');
    await expect(t.details().getByRole('button', { name: `Disable ${token.name}` })).toBeVisible();
    await expect.poll(async () => (await api.getToken(token.id)).status).toBe('Active');

    await t.backToList();
    await expect(t.rowStatus(token.id)).toHaveText('Active');
    await t.clearSearch();
  });

  test('edit name and description; a conflict made by a second client is explained and resolved', async () => {
    const t = ui();
    const token = pick();
    const row = await t.showOnly(token.id);

    // A plain edit reaches the API.
    await row.getByRole('button', { name: `Edit ${token.name}` }).click();
    let dialog = page.getByRole('dialog', { name: `Edit “${token.name}”` });
    const newName = `${token.name} (edited)`;
    await dialog.getByLabel('Name (required)').fill(newName);
    await dialog.getByLabel('Description').fill('Edited by the tokens e2e journey.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByRole('button', { name: newName, exact: true })).toBeVisible();
    const afterEdit = await api.getToken(token.id);
    expect(afterEdit).toMatchObject({ name: newName, description: 'Edited by the tokens e2e journey.' });

    // Open Edit; meanwhile someone else changes the token through the API.
    await row.getByRole('button', { name: `Edit ${newName}` }).click();
    dialog = page.getByRole('dialog', { name: `Edit “${newName}”` });
    await dialog.getByLabel('Description').fill('Mine: saved after the conflict.');
    const theirs = await api.updateToken(token.id, { description: 'Theirs: changed by a second client.' });
    expect(theirs.revision).toBe((afterEdit.revision ?? 0) + 1);
    await dialog.getByRole('button', { name: 'Save' }).click();

    const conflict = dialog.getByRole('alert').filter({ hasText: /Someone changed this token/ });
    await expect(conflict).toBeVisible();
    expect((await api.getToken(token.id)).description, 'the stale save must not reach the API').toBe('Theirs: changed by a second client.');
    await conflict.getByRole('button', { name: 'Load latest version' }).click();
    const latest = dialog.getByRole('region', { name: 'Latest saved version' });
    await expect(latest).toContainText('Theirs: changed by a second client.');
    await expect(latest).toContainText(`revision ${theirs.revision}`);
    await expect(dialog.getByLabel('Description')).toHaveValue('Mine: saved after the conflict.');

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    const final = await api.getToken(token.id);
    expect(final).toMatchObject({ name: newName, description: 'Mine: saved after the conflict.', revision: (theirs.revision ?? 0) + 1 });
    await t.clearSearch();
  });

  test('delete a token: the confirmation names it; the row is gone and the API answers 404', async () => {
    const t = ui();
    const token = pick();
    const row = await t.showOnly(token.id);
    await row.getByRole('button', { name: `Delete ${token.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${token.name}”?` });
    await expect(dialog).toContainText(token.name);
    await expect(dialog).toContainText(token.id);
    await dialog.getByRole('button', { name: 'Delete token' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(t.row(token.id)).toHaveCount(0);
    await expect(page.getByText('No tokens match these filters.')).toBeVisible();
    expect(await api.status(token.id)).toBe(404);
    await t.clearSearch();
    await expect(t.count()).toHaveText(`${initial.length - 1} tokens`);
  });

  test('bulk-disable 3 tokens: progress and a result per token; all 3 Disabled in the API', async () => {
    const t = ui();
    const chosen = [pick(), pick(), pick()];
    for (const token of chosen) {
      const row = await t.showOnly(token.id);
      await row.getByRole('checkbox', { name: `Select ${token.name}` }).check();
    }
    await t.clearSearch();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar).toContainText('3 selected');
    await bar.getByRole('button', { name: 'Disable selected' }).click();

    const results = page.getByRole('region', { name: 'Bulk action results' });
    await expect(results.getByRole('status')).toHaveText('Disabled 3 of 3 tokens');
    await expect(results.getByRole('progressbar', { name: 'Bulk action progress' })).toHaveAttribute('aria-valuenow', '3');
    const items = results.getByRole('list', { name: 'Result per token' }).getByRole('listitem');
    await expect(items).toHaveCount(3);
    for (const token of chosen) await expect(items.filter({ hasText: token.id })).toContainText('done');

    for (const token of chosen) {
      expect((await api.getToken(token.id)).status, token.id).toBe('Disabled');
    }
    for (const token of chosen) {
      await t.showOnly(token.id);
      await expect(t.rowStatus(token.id)).toHaveText('Disabled');
    }
    await t.clearSearch();
  });

  /** Created through the API (so the app never saw its value) in the stored-value journeys. */
  let stored: { id: string; value: string; name: string };

  test('add the value of a token created elsewhere, then show, hide and copy it', async () => {
    const t = ui();
    const created = await api.createToken('E2E stored value', 'Created through the API by the e2e journey.', ['MOD-1756', 'MOD-0478']);
    stored = { id: created.id, value: created.value, name: 'E2E stored value' };
    secrets.push(created.value);
    used.add(created.id);

    // The app learns about it on the next sync (a reload); no value is in the keychain yet.
    await page.reload();
    await expect(t.grid()).toBeVisible();
    await t.openDetails(stored.id);
    expect(await keychainAccounts(service)).not.toContainEqual(expect.stringContaining(stored.id));
    await t.tabPanel().getByRole('button', { name: 'Add value' }).click();
    const dialog = page.getByRole('dialog', { name: `Add the value of “${stored.name}”` });
    await dialog.getByLabel('Token value').fill(stored.value);
    await dialog.getByRole('button', { name: 'Verify and keep' }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => keychainAccounts(service)).toContainEqual(expect.stringContaining(stored.id));

    // Show reveals it, Hide masks it again.
    const value = t.tabPanel().locator('code.value');
    await expect(value).toHaveAccessibleName('Token value (hidden)');
    await expect(value).not.toContainText(stored.value);
    await t.tabPanel().getByRole('button', { name: 'Show token value' }).click();
    await expect(value).toHaveText(stored.value);
    await expect(value).toHaveAccessibleName('Token value');
    await t.tabPanel().getByRole('button', { name: 'Hide token value' }).click();
    await expect(value).toHaveAccessibleName('Token value (hidden)');
    await expect(value).not.toContainText(stored.value);

    // Copy: main puts the value on the clipboard (the desktop's, or through the page's bridge the browser's).
    await writeClipboardText(app, 'before copy');
    await t.tabPanel().getByRole('button', { name: 'Copy token value' }).click();
    await expect(t.tabPanel().getByRole('status').filter({ hasText: /Copied/ })).toBeVisible();
    await expect.poll(() => clipboardText(app)).toBe(stored.value);
    await writeClipboardText(app, '');

    // The row now offers Copy value too.
    await t.backToList();
    await expect(t.row(stored.id).getByRole('button', { name: `Copy value of ${stored.name}` })).toBeVisible();
    await t.clearSearch();
  });

  test('a wrong value for a token created elsewhere is refused and nothing is stored', async () => {
    const t = ui();
    const created = await api.createToken('E2E no value', 'Its value is never given to the app.', ['MOD-0478']);
    secrets.push(created.value);
    used.add(created.id);
    const wrong = wrongSecretFor(created.id);
    secrets.push(wrong);
    const before = await keychainAccounts(service);

    await page.reload();
    await expect(t.grid()).toBeVisible();
    await t.openDetails(created.id);
    await t.tabPanel().getByRole('button', { name: 'Add value' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add the value of “E2E no value”' });
    const field = dialog.getByLabel('Token value');

    // The value of another token (another TKN id): refused at the field before any API call.
    await field.fill(stored.value);
    await dialog.getByRole('button', { name: 'Verify and keep' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(`belongs to ${stored.id}`));

    // The right TKN id with a wrong secret: refused by the Marketplace.
    await field.fill(wrong);
    await dialog.getByRole('button', { name: 'Verify and keep' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/rejected/i);
    await expect(dialog).toBeVisible();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await keychainAccounts(service)).toEqual(before);
    expect(before.some((a) => a.includes(created.id))).toBe(false);
    await expect(t.tabPanel().getByRole('button', { name: 'Add value' })).toBeVisible();
    await t.backToList();
    await t.clearSearch();
  });

  test('accessibility: no serious or critical axe violations in the table and each details tab', async () => {
    const t = ui();
    const problems: string[] = [];
    await t.clearSearch();
    await expect(t.bodyRows().first()).toBeVisible();
    problems.push(...(await seriousViolations(page, 'section.tokens-list', 'table')));

    // The token with a stored value, so General shows show/hide/copy.
    await t.openDetails(stored.id);
    for (const tab of ['General', 'Modules', 'Details', 'Audit trail']) {
      await t.tab(tab).click();
      await expect(t.tab(tab)).toHaveAttribute('aria-selected', 'true');
      if (tab === 'Audit trail') await expect(t.tabPanel().getByRole('table')).toBeVisible();
      problems.push(...(await seriousViolations(page, 'section.token-details', `details: ${tab}`)));
    }
    await t.backToList();
    await t.clearSearch();
    expect(problems, `axe found serious/critical violations:\n${problems.join('\n')}`).toEqual([]);
  });

  test('no token value in the data folder or the host output (before the restart)', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const hits = findSecrets(secrets, [...dataDirSources(dataDir), ...hostOutputs.map((output, i) => ({ label: `host output ${i}`, text: output() }))]);
    expect(hits).toEqual([]);
  });
});

test('filters and sort survive a restart of the host', async ({ desk }) => {
  const t = ui();
  // Search text, status filter and a sort (Name, descending).
  await t.search().fill('sync');
  await t.statusFilter().selectOption('Active');
  await t.sortButton('API token').click();
  await t.sortButton('API token').click();
  await expect(t.columnHeader('API token')).toHaveAttribute('aria-sort', 'descending');
  const expectedIds = await t.visibleIds();
  expect(expectedIds.length).toBeGreaterThan(0);
  // Give a debounced save a moment; the restart below is the real check.
  await page.waitForTimeout(500);

  await app.stop();
  app = await openApp(desk);
  await expect(t.grid()).toBeVisible();

  // Soft, so the secrets scan below still runs when persistence is missing.
  await expect.soft(t.search()).toHaveValue('sync');
  await expect.soft(t.statusFilter()).toHaveValue('Active');
  await expect.soft(t.columnHeader('API token')).toHaveAttribute('aria-sort', 'descending');
  expect.soft(await t.visibleIds()).toEqual(expectedIds);

  const hits = findSecrets(secrets, [...dataDirSources(dataDir), ...hostOutputs.map((output, i) => ({ label: `host output ${i}`, text: output() }))]);
  expect(hits).toEqual([]);
});

test('every row action can be clicked at the app window’s default size (1280×820)', async () => {
  const t = ui();
  await setWindowSize(app, { width: 1280, height: 820 });
  try {
    await t.clearSearch();
    await t.statusFilter().selectOption('all');
    await expect(t.bodyRows().first()).toBeVisible();
    const [id] = await t.visibleIds();
    const row = t.row(id!);
    const name = (await row.getByRole('button').first().textContent())!;
    await page.screenshot({ path: test.info().outputPath('table-1280x820.png') });
    // trial: scroll into view, then check the button itself receives the click (not something covering or clipping it).
    for (const action of ['Edit', 'Rotate', 'Delete']) {
      await row.getByRole('button', { name: `${action} ${name}`, exact: true }).click({ trial: true, timeout: 3_000 });
    }
  } finally {
    await setWindowSize(app, { width: 1600, height: 900 });
  }
});

test('back from the details of a row far down the list returns focus to that row', async () => {
  const t = ui();
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  await t.bodyRows().first().focus();
  const firstId = await page.evaluate(() => document.activeElement?.getAttribute('data-row-id'));
  await page.keyboard.press('End');
  // The last row is focused once the virtualizer has scrolled to and drawn it.
  const activeRowId = () => page.evaluate(() => document.activeElement?.getAttribute('data-row-id'));
  await expect.poll(activeRowId).not.toBe(firstId);
  const focusedId = await activeRowId();
  expect(focusedId).toMatch(/^TKN-/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '← Back to API tokens' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '← Back to API tokens' })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-row-id'))).toBe(focusedId);
});

// Last: it stops the sandbox.
test('offline: one banner with one date in the user’s locale, and the cached list stays', async () => {
  const t = ui();
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  await expect(t.bodyRows().first()).toBeVisible();
  const shown = await t.count().textContent();
  await sandbox.close();
  await page.reload();
  await expect(t.grid()).toBeVisible();

  const banners = page.getByRole('main').locator('.banner');
  const offline = page.getByRole('main').getByRole('status').filter({ hasText: /offline/i });
  await expect(offline).toHaveCount(1);
  await expect(banners).toHaveCount(1);
  const text = (await offline.textContent())!;
  expect(text.match(/offline/gi), text).toHaveLength(1);
  expect(text, 'no machine (ISO) date').not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  expect(text).toMatch(/^Offline — showing data from .+\.\s*Try again$/);
  await expect(offline.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(t.count()).toHaveText(shown!);
});
