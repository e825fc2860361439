/**
 * Stored token values, in both hosts against a real sandbox over HTTP and the real keychain:
 * adding the value of a token created elsewhere, showing, hiding and copying it, refusing a
 * wrong value, the axe scan of the table and each details tab (on the token with a stored
 * value), and no token value in anything the app wrote.
 *
 * One sandbox, one app and one page for the spec (support/tokens-journey.ts).
 */
import { clipboardText, expect, test, writeClipboardText } from './support/host';
import { keychainAccounts } from './support/keychain';
import { dataDirSources, findSecrets } from './support/secrets-scan';
import { seriousViolations, wrongSecretFor } from './support/tokens-helpers';
import {
  api,
  app,
  dataDir,
  hostOutputs,
  page,
  secrets,
  service,
  ui,
  used,
  useTokensJourneys,
} from './support/tokens-journey';

useTokensJourneys();

test.describe.serial('journeys on one host and page', () => {
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
    await t.tabPanel().getByRole('button', { name: 'Copy value', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(/Copied/);
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

  test('no token value in the data folder or the host output', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const hits = findSecrets(secrets, [...dataDirSources(dataDir), ...hostOutputs.map((output, i) => ({ label: `host output ${i}`, text: output() }))]);
    expect(hits).toEqual([]);
  });
});
