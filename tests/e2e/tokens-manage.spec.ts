/**
 * Managing API tokens from the token list, in both hosts (support/host.ts: the browser host +
 * Chromium, and the desktop app wherever Electron is installed) against a real sandbox over
 * HTTP and the real keychain: find / sort / details, disable + enable, edit (+ a conflict by a
 * second client), delete and bulk disable, each step checked against the sandbox API.
 *
 * One sandbox, one app and one page for the spec (support/tokens-journey.ts).
 */
import { expect, test } from './support/host';
import { dataDirSources, findSecrets } from './support/secrets-scan';
import {
  idsByLastAccess,
  matchesSearch,
} from './support/tokens-helpers';
import {
  api,
  client,
  dataDir,
  hostOutputs,
  initial,
  page,
  pick,
  sandbox,
  secrets,
  ui,
  useTokensJourneys,
} from './support/tokens-journey';

useTokensJourneys();

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
    // Each event reads once, as its sentence; the event code is on hover.
    await expect(firstRow).toContainText((audit[0] as { details?: string }).details || audit[0]!.summary!);
    await expect(firstRow.locator(`td[title="${audit[0]!.event!}"]`)).toHaveCount(1);
    await expect(table.getByRole('row').last().locator('td[title="platform.accounts.apiToken.created"]')).toHaveCount(1);

    await t.backToList();
  });

  test('disable then enable a token: row, details and the API agree', async () => {
    const t = ui();
    const token = pick();
    await t.showOnly(token.id);
    await expect(t.rowStatus(token.id)).toHaveText('Active');

    await t.rowAction(token.id, `Disable ${token.name}`);
    await expect(t.rowStatus(token.id)).toHaveText('Disabled');
    const menu = await t.openRowMenu(token.id);
    await expect(menu.getByRole('menuitem', { name: `Enable ${token.name}` })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: `Disable ${token.name}` })).toHaveCount(0);
    await page.keyboard.press('Escape');
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
    await t.rowAction(token.id, `Edit ${token.name}`);
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
    await t.rowAction(token.id, `Edit ${newName}`);
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
    await t.showOnly(token.id);
    await t.rowAction(token.id, `Delete ${token.name}`);
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
    for (const token of chosen) await expect(items.filter({ hasText: token.id })).toContainText('disabled');

    for (const token of chosen) {
      expect((await api.getToken(token.id)).status, token.id).toBe('Disabled');
    }
    for (const token of chosen) {
      await t.showOnly(token.id);
      await expect(t.rowStatus(token.id)).toHaveText('Disabled');
    }
    await t.clearSearch();
  });

  test('the token the connection signs in with: its badge, and Disable and Delete disabled before any click, with the reason', async () => {
    const t = ui();
    const own = client().adminTokenId;
    const row = await t.showOnly(own);
    await expect(row.getByText('Signs in this connection', { exact: true })).toBeVisible();
    const menu = await t.openRowMenu(own);
    for (const [verb, doing] of [
      ['Disable', 'Disabling'],
      ['Delete', 'Deleting'],
    ] as const) {
      const item = menu.getByRole('menuitem', { name: new RegExp(`^${verb} `) });
      await expect(item).toBeDisabled();
      await expect(item).toHaveAccessibleDescription(new RegExp(`signs in with this token\\. ${doing} it would lock Token Desk out`));
    }
    await expect(menu.getByRole('menuitem', { name: /^Edit / })).toBeEnabled();
    await page.keyboard.press('Escape');

    await t.openDetails(own);
    await expect(t.details().getByText('Signs in this connection', { exact: true })).toBeVisible();
    for (const verb of ['Disable', 'Delete']) {
      const button = t.details().getByRole('button', { name: new RegExp(`^${verb} `) });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(/signs in with this token/);
    }
    await t.backToList();
    expect((await api.getToken(own)).status).toBe('Active');
    await t.clearSearch();
  });

  test('bulk results count what changed and what already was so; the own token is skipped and said to be', async () => {
    const t = ui();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    const results = page.getByRole('region', { name: 'Bulk action results' });
    const select = async (id: string, name: string) => {
      const row = await t.showOnly(id);
      await row.getByRole('checkbox', { name: `Select ${name}` }).check();
    };

    // Two Active tokens, enabled: nothing changes, and the result says so.
    const [a, b] = [pick(), pick()];
    await select(a.id, a.name);
    await select(b.id, b.name);
    await bar.getByRole('button', { name: 'Enable selected' }).click();
    await expect(results.getByRole('status')).toHaveText('Enabled 0 of 2 tokens — 2 were already Active');
    await expect(results.getByRole('listitem').filter({ hasText: a.id })).toContainText('already Active');
    await results.getByRole('button', { name: 'Close' }).click();
    await expect(bar).toHaveCount(0);

    // One of them and the own token, disabled: the bar says first, the result counts it as skipped.
    const own = initial.find((tok) => tok.id === client().adminTokenId)!;
    await select(a.id, a.name);
    await select(own.id, own.name);
    await expect(bar).toContainText(`Disable and Delete skip “${own.name}”: this connection signs in with it.`);
    await bar.getByRole('button', { name: 'Disable selected' }).click();
    await expect(results.getByRole('status')).toHaveText('Disabled 1 of 2 tokens — 1 skipped: this connection signs in with it');
    expect((await api.getToken(own.id)).status).toBe('Active');
    expect((await api.getToken(a.id)).status).toBe('Disabled');
    await results.getByRole('button', { name: 'Close' }).click();
    await t.clearSearch();
  });

  test('no token value in the data folder or the host output', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(1);
    const hits = findSecrets(secrets, [...dataDirSources(dataDir), ...hostOutputs.map((output, i) => ({ label: `host output ${i}`, text: output() }))]);
    expect(hits).toEqual([]);
  });
});
