/**
 * Creating API tokens with the Add API token wizard, in both hosts (support/host.ts: the browser
 * host + Chromium, and the desktop app wherever Electron is installed) against a real sandbox
 * over HTTP and the real keychain: by keyboard, by mouse, the value it shows, after a restart.
 * The shared setup is support/wizard-journey.ts.
 */
import type { FileChooser } from '@playwright/test';
import { clipboardText, expect, test, writeClipboardText } from './support/host';
import { keychainSecrets } from './support/keychain';
import { makeDataDir } from './support/web-host';
import {
  createByMouse,
  dropFile,
  expectStep,
  pngFile,
  readSummary,
  tabTo,
  wizardDialog,
} from './support/wizard-helpers';
import {
  connected,
  createdValues,
  expectNoCreatedValueLeaked,
  forgetApp,
  hostOutputs,
  marketplaceToken,
  moduleIds,
  openApp,
  sandbox,
  service,
  uniq,
  useWizardJourneys,
} from './support/wizard-journey';

useWizardJourneys();

test('create a token by keyboard only, with a logo chosen in the file picker', async ({ desk }) => {
  const { page } = await connected(desk, 'keyboard journey');
  const name = uniq('CI deploy (keyboard)');
  const creates = sandbox.stats().creates;
  // Listen early: Playwright turns on file-chooser interception asynchronously, and a chooser
  // opened before it is on is never reported.
  const chooserOpened = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));

  // Open the wizard from the Add token button with Enter.
  const addButton = page.getByRole('button', { name: 'Add token' });
  await addButton.focus();
  await page.keyboard.press('Enter');
  const dialog = wizardDialog(page);
  await expectStep(dialog, 'General');
  const nameField = dialog.getByLabel('Name (required)');
  await expect(nameField).toBeFocused();

  // Logo: Shift+Tab to "Choose a file…", Enter opens the file picker.
  const choose = dialog.getByRole('button', { name: 'Choose a file…' });
  await tabTo(page, choose, { back: true });
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles(pngFile('keyboard.png'));
  await expect(dialog.getByRole('img', { name: 'Logo preview: keyboard.png' })).toBeVisible();

  // Name and description by typing; Next is disabled until the name is there.
  const next = dialog.getByRole('button', { name: 'Next' });
  await expect(next).toBeDisabled();
  await tabTo(page, nameField);
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Description (optional)')).toBeFocused();
  await page.keyboard.type('Pipeline deploys, created by keyboard');
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Modules: search by typing, Space ticks a box; arrow keys must not change the selection.
  await expectStep(dialog, 'Modules');
  await tabTo(page, dialog.getByRole('searchbox', { name: 'Search modules' }));
  await page.keyboard.type('access');
  await page.keyboard.press('Enter'); // Enter in the search box must not leave the step
  await expectStep(dialog, 'Modules');
  const access = dialog.getByRole('checkbox', { name: 'Access Management', exact: true });
  await tabTo(page, access);
  await page.keyboard.press('Space');
  await expect(access).toBeChecked();
  await tabTo(page, dialog.getByRole('searchbox', { name: 'Search modules' }), { back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('billing');
  const billing = dialog.getByRole('checkbox', { name: 'Billing', exact: true });
  await tabTo(page, billing);
  await page.keyboard.press('Space');
  await expect(billing).toBeChecked();
  await expect(dialog.getByText('2 selected')).toBeVisible();
  await tabTo(page, next);
  await page.keyboard.press('Enter');

  // Overview shows what was entered; Add with Enter.
  await expectStep(dialog, 'Overview');
  const overview = dialog.locator('.wizard-overview');
  await expect(overview).toContainText('keyboard.png');
  await expect(overview).toContainText(name);
  await expect(overview).toContainText('Pipeline deploys, created by keyboard');
  await expect(overview.getByRole('listitem')).toHaveText(['Access Management', 'Billing']);
  await tabTo(page, dialog.getByRole('button', { name: 'Add', exact: true }));
  await page.keyboard.press('Enter');

  const { id, value } = await readSummary(dialog);
  createdValues.push(value);
  await expect(dialog.getByText("Stored in this computer's keychain")).toBeVisible();

  // Close with the keyboard; focus returns to the Add token button.
  await tabTo(page, dialog.getByRole('button', { name: 'Close', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(addButton).toBeFocused();

  // The Marketplace has exactly that token; the keychain has its value.
  expect(sandbox.stats().creates).toBe(creates + 1);
  const created = await marketplaceToken(id);
  expect(created).toMatchObject({ name, description: 'Pipeline deploys, created by keyboard', status: 'Active' });
  expect(moduleIds(created)).toEqual(['MOD-1239', 'MOD-1756']);
  expect(created.icon, 'the logo was uploaded').toBeTruthy();
  const icon = await fetch(sandbox.url + created.icon);
  expect(icon.status).toBe(200);
  expect(Buffer.from(await icon.arrayBuffer()).equals(pngFile().buffer)).toBe(true);
  expect(await keychainSecrets(service)).toContain(value);
  // The new row is in the table at once, with its Copy value action.
  await expect(page.getByRole('button', { name: `Copy value of ${name}` })).toBeVisible();
});

test('create a token by mouse, with a logo dropped on the drop area', async ({ desk }) => {
  const { app, page } = await connected(desk, 'mouse journey', { clipboard: true });
  const name = uniq('Reporting (mouse)');
  await page.getByRole('button', { name: 'Add token' }).click();
  const dialog = wizardDialog(page);
  await expectStep(dialog, 'General');

  await dropFile(page, dialog.getByTestId('logo-drop'), pngFile('dropped.png'));
  await expect(dialog.getByRole('img', { name: 'Logo preview: dropped.png' })).toBeVisible();
  // Removable, and a second drop replaces it.
  await dialog.getByRole('button', { name: 'Remove logo' }).click();
  await expect(dialog.getByRole('img', { name: /Logo preview/ })).toHaveCount(0);
  await dropFile(page, dialog.getByTestId('logo-drop'), pngFile('dropped-again.png'));
  await expect(dialog.getByRole('img', { name: 'Logo preview: dropped-again.png' })).toBeVisible();

  await dialog.getByLabel('Name (required)').click();
  await page.keyboard.type(name);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Modules');
  await dialog.getByRole('checkbox', { name: 'Access Management', exact: true }).click();
  await dialog.getByRole('checkbox', { name: 'Marketplace', exact: true }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Overview');
  // "Edit" goes back to its step and the entry is kept.
  await dialog.getByRole('button', { name: 'Edit modules' }).click();
  await expectStep(dialog, 'Modules');
  await expect(dialog.getByRole('checkbox', { name: 'Marketplace', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.locator('.wizard-overview')).toContainText('dropped-again.png');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();

  const { id, value } = await readSummary(dialog);
  createdValues.push(value);
  // The summary's Copy puts the value on the clipboard (through main and the keychain).
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByText(/^Copied — clipboard clears in \d+ s if this tab is in front, else when you come back to it$/)).toBeVisible();
  expect(await clipboardText(app)).toBe(value);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  const created = await marketplaceToken(id);
  expect(created).toMatchObject({ name, status: 'Active' });
  expect(moduleIds(created)).toEqual(['MOD-0478', 'MOD-1756']);
  expect(created.icon, 'the dropped logo was uploaded').toBeTruthy();
  expect(await keychainSecrets(service)).toContain(value);
});

test("the summary's value authenticates against the Marketplace", async ({ desk }) => {
  const { page } = await connected(desk, 'value authenticates');
  const { id, value, dialog } = await createByMouse(page, { name: uniq('Auth check'), modules: ['Access Management'] });
  createdValues.push(value);
  await expect(dialog.getByLabel('Token value')).toHaveValue(value);

  const response = await fetch(`${sandbox.url}/public/v1/accounts/api-tokens/${id}`, { headers: { Authorization: `Bearer ${value}` } });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { id: string }).id).toBe(id);
  // Control: a value that differs in one character is refused, so the 200 above means something.
  const wrong = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
  const refused = await fetch(`${sandbox.url}/public/v1/accounts/api-tokens/${id}`, { headers: { Authorization: `Bearer ${wrong}` } });
  expect(refused.status).toBe(401);
});

test('after a host restart the value is still copyable from the table', async ({ desk }) => {
  const dataDir = makeDataDir();
  const name = uniq('Survives restart');
  let { app, page } = await connected(desk, 'before restart', { dataDir, clipboard: true });
  const { value, dialog } = await createByMouse(page, { name, modules: ['Access Management'] });
  createdValues.push(value);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // Restart: same data dir, same keychain service, a fresh page.
  await app.stop();
  hostOutputs.push({ label: 'before restart', text: app.output() });
  const before = app;
  forgetApp(before);
  app = await openApp(desk, 'after restart', dataDir, true);
  page = app.page;
  // A saved connection starts the app on the Overview; the list is one click away.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();

  await page.getByRole('search', { name: 'Filter API tokens' }).getByRole('searchbox').fill(name);
  const copy = page.getByRole('button', { name: `Copy value of ${name}` });
  await expect(copy).toHaveCount(1);
  await writeClipboardText(app, 'something else');
  await copy.click();
  await expect.poll(() => clipboardText(app)).toBe(value);
});


test('no created value reached the data folders or the host output', async () => {
  expectNoCreatedValueLeaked(4);
});
