/**
 * Every screen at 1280 px, in the light and the dark theme: axe finds no WCAG 2.1 A/AA violation,
 * and the screen looks as in its committed picture (visual-support.ts says how the pictures are
 * made the same on every run). One journey per theme, from the first run to Quick Access, the
 * leak check and Rotations; both
 * journeys do the same things in the same order, so the seeded sandbox hands out the same ids.
 *
 * When a change alters a screen on purpose: `npx playwright test tests/e2e/visual --update-snapshots`,
 * then look at every new picture before committing it (CONTRIBUTING.md).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/host';
import { recordKnownSecrets } from '../support/secrets-scan';
import { tokensUi } from '../support/tokens-helpers';
import { expectStep, readSummary, wizardDialog } from '../support/wizard-helpers';
import { checkScreen, openFrozen } from './visual-support';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A sidebar entry, whether it is drawn as a link or a button. */
const navItem = (page: Page, name: string) => nav(page).getByRole('link', { name, exact: true }).or(nav(page).getByRole('button', { name, exact: true }));

/** The row's "⋯" menu button. */
const rowMenuButton = (row: Locator) => row.getByRole('button', { name: /^(Actions for|More actions)/ });

/** A row action: the row's own button where it has one (Copy value), else from its "⋯" menu. */
async function rowAction(page: Page, row: Locator, name: RegExp): Promise<void> {
  if ((await row.getByRole('button', { name }).count()) > 0) {
    await row.getByRole('button', { name }).first().click();
  } else {
    await rowMenuButton(row).click();
    await page.getByRole('menu').getByRole('menuitem', { name }).click();
  }
}

// A step that cannot happen fails in seconds, not at the end of the journey's time.
test.use({ actionTimeout: 15_000 });

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen at 1280 px in the ${scheme} theme: no axe violation, same picture`, async ({ desk, hostKind }) => {
    test.skip(hostKind !== 'browser', 'the pictures are of the browser host; the desktop app draws the same renderer');
    test.setTimeout(240_000);
    const app = await openFrozen(desk, scheme);
    const page = app.page;
    const t = tokensUi(page);
    try {
      // First run: no connection yet.
      await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible({ timeout: 30_000 });
      await checkScreen(page, scheme, 'connect');

      await page.getByRole('button', { name: 'Try the sandbox' }).click();
      await expect(t.bodyRows().first()).toBeVisible();
      await checkScreen(page, scheme, 'tokens');

      await page.getByRole('button', { name: /Switch connection/ }).click();
      await expect(page.getByRole('menu').first()).toBeVisible();
      await checkScreen(page, scheme, 'connection menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toHaveCount(0);

      // The first Active row that is not the connection's own token.
      const first = t.bodyRows().filter({ hasText: 'Active' }).filter({ hasNotText: /Signs in/i }).first();
      const id = (await first.locator('.token-id').textContent())!.trim();
      const name = (await first.locator('.token-name').textContent())!.trim();
      const row = t.row(id);
      if ((await rowMenuButton(row).count()) > 0) {
        await rowMenuButton(row).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await checkScreen(page, scheme, 'row menu');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menu')).toHaveCount(0);
      }

      await rowAction(page, row, /^Edit/);
      const edit = page.getByRole('dialog');
      await expect(edit).toBeVisible();
      await checkScreen(page, scheme, 'edit dialog');
      await page.keyboard.press('Escape');
      await expect(edit).toBeHidden();

      await rowAction(page, row, /^Delete/);
      const confirm = page.getByRole('dialog');
      await expect(confirm).toBeVisible();
      await checkScreen(page, scheme, 'delete confirmation');
      await page.keyboard.press('Escape');
      await expect(confirm).toBeHidden();

      // A selection shows the bulk bar.
      await row.getByRole('checkbox').check();
      await expect(page.locator('.bulk-bar')).toBeVisible();
      await checkScreen(page, scheme, 'tokens with selection');
      await row.getByRole('checkbox').uncheck();

      // Empty: a search that matches nothing.
      await t.search().fill('no token is called this');
      await expect(t.bodyRows()).toHaveCount(0);
      await checkScreen(page, scheme, 'tokens no match');
      await t.search().fill('');
      await expect(t.bodyRows().first()).toBeVisible();

      // Details, each tab.
      await row.locator('.token-name').click();
      await expect(t.detailsHeading()).toHaveText(name);
      const tabs = page.getByRole('tablist').first().getByRole('tab');
      const tabNames = (await tabs.allTextContents()).map((s) => s.trim());
      expect(tabNames.length, 'the details have tabs').toBeGreaterThan(1);
      for (const tab of tabNames) {
        await tabs.filter({ hasText: tab }).first().click();
        await expect(tabs.filter({ hasText: tab }).first()).toHaveAttribute('aria-selected', 'true');
        await expect(page.getByRole('tabpanel').first()).toBeVisible();
        await checkScreen(page, scheme, `details ${tab}`);
      }
      await t.back().first().click();
      await expect(t.bodyRows().first()).toBeVisible();

      // The wizard, every step; the new token's value is stored, so the Access log and Quick
      // Access have a row.
      await page.getByRole('button', { name: 'Add token' }).click();
      const wizard = wizardDialog(page);
      await expectStep(wizard, 'General');
      await checkScreen(page, scheme, 'wizard general empty');
      await wizard.getByLabel(/^Name/).fill('Visual check');
      await wizard.getByLabel(/^Description/).fill('Made by the screenshot suite.');
      await checkScreen(page, scheme, 'wizard general');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expectStep(wizard, 'Modules');
      await wizard.getByRole('checkbox', { name: 'Billing', exact: true }).click();
      await checkScreen(page, scheme, 'wizard modules');
      await wizard.getByRole('button', { name: 'Next' }).click();
      await expectStep(wizard, 'Overview');
      await checkScreen(page, scheme, 'wizard overview');
      await wizard.getByRole('button', { name: 'Add', exact: true }).click();
      const created = await readSummary(wizard);
      recordKnownSecrets([created.value]);
      // The value is random (the sandbox draws it from crypto), and a secret never goes into a picture.
      await checkScreen(page, scheme, 'wizard summary', { hide: ['.wizard-value'] });
      await wizard.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(wizard).toBeHidden();

      const newRow = t.row(created.id);
      await rowAction(page, newRow, /^Copy( value)?/);
      await expect(page.getByRole('menu')).toHaveCount(0);
      // The toast leaves after its time, which stops while the pointer is on it: held there for
      // the picture, then dismissed so no later screen depends on how fast the machine is.
      const toast = page.locator('.toasts .toast').first();
      await expect(toast).toBeVisible();
      await toast.hover();
      await checkScreen(page, scheme, 'tokens after copy');
      await toast.getByRole('button', { name: /^Dismiss/ }).click();
      await expect(page.locator('.toasts .toast')).toHaveCount(0);
      await page.mouse.move(0, 0);

      for (const [item, heading] of [
        ['Audit log', /Audit log/],
        ['Access log', /Access log|Value access/],
        ['Settings', /Settings/],
        ['Connections', /Connections/],
        ['About', /Token Desk|About/],
      ] as const) {
        await navItem(page, item).click();
        await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
        if (item === 'Access log') await expect(page.getByText('Visual check').first()).toBeVisible();
        if (item === 'About') {
          await expect(page.getByTestId('app-version')).toBeVisible();
          // The platform and runtime versions are those of the machine running the suite.
          await checkScreen(page, scheme, item, { mask: [page.getByRole('definition').filter({ hasText: /Node |linux|darwin|win32/ })] });
        } else {
          await checkScreen(page, scheme, item);
        }
      }

      // The Overview, after the Audit log has saved the account's log (its chart counts what is saved).
      await navItem(page, 'Overview').click();
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Audit activity' }).locator('.day-column').first()).toBeAttached();
      await expect(page.getByRole('region', { name: 'Last access' }).getByRole('button', { name: /^Never used: \d+ tokens?/ })).toBeVisible();
      await checkScreen(page, scheme, 'overview');
      const access = page.getByRole('region', { name: 'Last access' });
      await access.getByRole('button', { name: 'Show as table' }).click();
      await expect(access.getByRole('table')).toBeVisible();
      await checkScreen(page, scheme, 'overview as table');
      await access.getByRole('button', { name: 'Show as table' }).click();

      // Quick Access: a page of its own in the browser host.
      const url = new URL(page.url());
      await page.goto(`${url.origin}/quick${url.hash}`);
      await expect(page.getByRole('searchbox').or(page.getByRole('combobox')).first()).toBeVisible();
      await expect(page.getByText('Visual check').first()).toBeVisible();
      await checkScreen(page, scheme, 'quick access');

      // Last, so every screen above keeps its picture: the leak check with a pasted finding (the
      // value made above), then a rotation of that token and the Rotations view with its plan.
      await page.goto(`${url.origin}/leaks${url.hash}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Check for leaked tokens' })).toBeVisible();
      const pasted = page.getByLabel(/Text to check/);
      await pasted.fill(`2026-06-15T09:00:00Z GET /public/v1/accounts/api-tokens "Authorization: Bearer ${created.value}" 200`);
      await page.getByRole('button', { name: 'Check text' }).click();
      await expect(page.getByRole('region', { name: 'Live' }).getByText('Visual check').first()).toBeVisible();
      // A secret never goes into a picture: the box is emptied (the findings stay), and the masked
      // form and fingerprint, drawn from the random value, are masked.
      await pasted.fill('');
      await checkScreen(page, scheme, 'leak check', { mask: [page.locator('.leak-facts code').filter({ hasText: /^idt:|sha256:/ })] });

      await navItem(page, 'API tokens').click();
      await expect(t.row(created.id)).toHaveCount(1);
      await rowAction(page, t.row(created.id), /^Rotate/);
      const rotate = page.getByRole('dialog', { name: /^Rotate/ });
      await expect(rotate).toBeVisible();
      await checkScreen(page, scheme, 'rotate dialog');
      // A grace period keeps the plan pending (the token was never used, so "when it goes quiet"
      // would retire it at once): the view then shows the plan with its actions.
      await rotate.getByRole('radio', { name: 'After a grace period' }).check();
      await rotate.getByRole('button', { name: 'Rotate', exact: true }).click();
      await expect(rotate.getByRole('status')).toHaveText('1 of 1 rotated.', { timeout: 30_000 });
      await rotate.locator('.ui-dialog-footer').getByRole('button', { name: 'Close' }).click();
      await expect(rotate).toBeHidden();
      await navItem(page, 'Rotations').click();
      await expect(page.getByRole('heading', { level: 1, name: 'Rotations' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Rotation plans' }).getByText(created.id).first()).toBeVisible();
      await checkScreen(page, scheme, 'rotations');
    } finally {
      await app.stop();
    }
  });
}
