/**
 * The Add API token wizard for keyboard and screen-reader users, in both hosts against a real
 * sandbox and the real keychain: axe on every step, and the wizard as a true modal over the
 * token table. The shared setup is support/wizard-journey.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import {
  expectStep,
  GIF_1X1,
  pngFile,
  readSummary,
  wizardDialog,
} from './support/wizard-helpers';
import {
  connected,
  createdValues,
  expectNoCreatedValueLeaked,
  useWizardJourneys,
} from './support/wizard-journey';

useWizardJourneys();

test('accessibility: no serious or critical axe violations on any step', async ({ desk }) => {
  const { page } = await connected(desk, 'axe');
  // @axe-core/playwright types its Page from its own playwright-core copy; same object at run time.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const seriousViolations = async () => {
    const results = await new AxeBuilder({ page: axePage }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.passes.length, 'axe ran checks on the dialog').toBeGreaterThan(0);
    const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
    if (minor.length > 0) console.log(`[wizard e2e] axe (not failing): ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  };
  const scan = async (label: string) => {
    const bad = await seriousViolations();
    const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
    expect(bad, `${label}:\n${report}`).toEqual([]);
  };

  await page.getByRole('button', { name: 'Add token' }).click();
  const dialog = wizardDialog(page);
  await expectStep(dialog, 'General');
  await scan('General (empty)');
  await dialog.getByLabel('Logo file').setInputFiles({ name: 'anim.gif', mimeType: 'image/gif', buffer: GIF_1X1 });
  await dialog.getByLabel('Name (required)').fill('   ');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await scan('General (with errors)');
  await dialog.getByLabel('Logo file').setInputFiles(pngFile('axe.png'));
  await dialog.getByLabel('Name (required)').fill('Axe scan');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Modules');
  await scan('Modules');
  await dialog.getByRole('checkbox', { name: 'Access Management', exact: true }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Overview');
  await scan('Overview');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  const { value } = await readSummary(dialog);
  createdValues.push(value);
  await scan('Summary');

  // Control: the scan does look inside the dialog — an unlabelled field put there is reported.
  await dialog.locator('.wizard-summary').evaluate((el) => el.insertAdjacentHTML('beforeend', '<input id="axe-control" type="text">'));
  expect((await seriousViolations()).map((v) => v.id)).toContain('label');
  await dialog.locator('#axe-control').evaluate((el) => el.remove());
});

/** Chromium's own accessibility tree (what a screen reader gets): the checkboxes in it, with where they are. */
async function checkboxesForScreenReaders(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string } }[] };
    return nodes.filter((n) => !n.ignored && n.role?.value === 'checkbox').length;
  } finally {
    await cdp.detach();
  }
}

test('while the wizard is open the token table behind it is unreachable, and axe finds nothing on the page', async ({ desk }) => {
  const { page } = await connected(desk, 'modal');
  const grid = page.getByRole('grid', { name: 'API tokens' });
  const rowBox = grid.getByRole('checkbox').first();
  // Control: before the wizard opens, the table's checkboxes are there for keyboard and screen reader.
  await expect(rowBox).toBeVisible();
  expect(await checkboxesForScreenReaders(page)).toBeGreaterThan(0);

  const addButton = page.getByRole('button', { name: 'Add token' });
  await addButton.click();
  const dialog = wizardDialog(page);
  await expectStep(dialog, 'General');
  expect(await dialog.evaluate((el) => el.tagName === 'DIALOG' && el.matches(':modal'))).toBe(true);

  // A screen reader finds no checkbox at all on the General step: the table's are out of the tree.
  expect(await checkboxesForScreenReaders(page)).toBe(0);
  // Nothing behind can take focus, by Tab, Shift+Tab or by script.
  const insideDialog = () => page.evaluate(() => !!document.activeElement && !!document.querySelector('dialog[open]')?.contains(document.activeElement));
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(i < 15 ? 'Tab' : 'Shift+Tab');
    expect(await insideDialog(), `Tab press ${i + 1} left the wizard`).toBe(true);
  }
  expect(
    await rowBox.evaluate((el) => {
      (el as HTMLElement).focus();
      return document.activeElement === el;
    }),
  ).toBe(false);
  // A click where a row's checkbox is lands on the backdrop, not on the row.
  const box = (await rowBox.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(rowBox).not.toBeChecked();
  await expect(dialog).toBeVisible();

  // axe, whole page, every rule it runs by default, with the wizard open: no violations of any impact.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const results = await new AxeBuilder({ page: axePage }).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Closed (nothing entered, so Escape closes at once): the table is back, focus on the opener.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(addButton).toBeFocused();
  expect(await checkboxesForScreenReaders(page)).toBeGreaterThan(0);
  await rowBox.check();
  await expect(rowBox).toBeChecked();
});


test('no created value reached the data folders or the host output', async () => {
  expectNoCreatedValueLeaked(1);
});
