/**
 * The leak check against a real sandbox over HTTP (support/tokens-journey.ts): a log line with a
 * created token's value is identified, verified live and disabled in one click (the token
 * table then says Disabled); a folder with three planted values of two tokens (one inside
 * node_modules, skipped) gives two findings grouped by state; Rotate on a finding opens the
 * rotation with "retire now" and retires the old token; Cancel stops a long scan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/host';
import { dataDirSources, findSecrets } from './support/secrets-scan';
import { api, dataDir, hostOutputs, page, secrets, ui, useTokensJourneys } from './support/tokens-journey';

useTokensJourneys();

let first: { id: string; value: string };

async function openLeakCheck() {
  await page.getByRole('link', { name: 'Leak check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check for leaked tokens' })).toBeVisible();
}

test.describe.serial('leak check', () => {
  test('paste a log line: identified, verified live, Disable now → Disabled in the table', async () => {
    first = await api.createToken('Leaky CI job', 'planted by the leak e2e', ['MOD-1756']);
    secrets.push(first.value);
    // The table learns of the new token on its next refresh.
    await page.reload();
    await expect(ui().row(first.id)).toHaveCount(1, { timeout: 30_000 });
    await openLeakCheck();
    await page.getByLabel(/Text to check/).fill(`2026-12-03T10:00:00Z GET /v1/x "Authorization: Bearer ${first.value}" 200`);
    await page.getByRole('button', { name: 'Check text' }).click();
    const live = page.getByRole('region', { name: 'Live' });
    await expect(live.getByText('Leaky CI job')).toBeVisible();
    await expect(live.getByText(first.id).first()).toBeVisible();
    // The pasted text is the user's own; what main answered holds no value.
    await expect(live).not.toContainText(first.value.split(':')[2]!);
    await live.getByRole('button', { name: 'Does this value still work?' }).click();
    await expect(live.getByText('This value still works')).toBeVisible();
    await live.getByRole('button', { name: 'Disable now' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Leaky CI job');
    await dialog.getByRole('button', { name: 'Disable now' }).click();
    const gone = page.getByRole('region', { name: 'Disabled or deleted' });
    await expect(gone.getByText('Leaky CI job')).toBeVisible();
    expect((await api.getToken(first.id)).status).toBe('Disabled');
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect(ui().rowStatus(first.id)).toHaveText(/Disabled/);
  });

  test('scan a folder: three planted values of two tokens, node_modules skipped, grouped by state; Cancel stops a long scan', async () => {
    const second = await api.createToken('Leaky deploy key', 'planted by the leak e2e', ['MOD-0478']);
    secrets.push(second.value);
    await page.reload();
    await expect(ui().row(second.id)).toHaveCount(1, { timeout: 30_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-e2e-'));
    try {
      fs.writeFileSync(path.join(dir, '.env'), `A=1\nMPT_TOKEN=${first.value}\n`);
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ api: { token: second.value } }, null, 2));
      fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'leak.js'), `const t = "${second.value}";`);
      await openLeakCheck();
      await page.getByLabel(/Folder paths/).fill(dir);
      await page.getByRole('button', { name: 'Scan', exact: true }).click();
      await expect(page.getByText(/Scan finished: 2 files/)).toBeVisible({ timeout: 30_000 });
      const live = page.getByRole('region', { name: 'Live' });
      const gone = page.getByRole('region', { name: 'Disabled or deleted' });
      await expect(live.getByRole('listitem').filter({ hasText: 'Leaky deploy key' })).toContainText('config.json:3');
      await expect(gone.getByRole('listitem').filter({ hasText: 'Leaky CI job' })).toContainText('.env:2');
      await expect(page.getByText(/leak\.js/)).toHaveCount(0);

      // Rotate from a finding: the rotation flow opens with "retire now" chosen.
      await live.getByRole('listitem').filter({ hasText: 'Leaky deploy key' }).getByRole('button', { name: 'Rotate' }).click();
      const rotate = page.getByRole('dialog', { name: 'Rotate Leaky deploy key' });
      await expect(rotate.getByRole('radio', { name: /^Now/ })).toBeChecked();
      await expect(rotate).toContainText('The old token is disabled at once.');
      await rotate.getByRole('button', { name: 'Rotate', exact: true }).click();
      await expect(rotate.getByText(/1 of 1 rotated/)).toBeVisible({ timeout: 30_000 });
      await rotate.getByRole('button', { name: 'Close' }).first().click();
      await expect.poll(async () => (await api.getToken(second.id)).status, { timeout: 30_000 }).toBe('Disabled');

      // A long scan: Cancel answers at once, with what was read so far.
      const big = path.join(dir, 'big');
      fs.mkdirSync(big);
      const chunk = 'just some log text without any value in it\n'.repeat(25_000);
      for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(big, `f${i}.log`), chunk);
      await page.getByLabel(/Folder paths/).fill(big);
      await page.getByRole('button', { name: 'Scan', exact: true }).click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByText(/Scan cancelled/)).toBeVisible({ timeout: 2_000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Found values live only in main's memory: the page shows them masked, and nothing the app
  // wrote (data folder, host output) holds one.
  test('no found value on the page, in the data folder or in the host output', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const shown = await page.locator('main').innerText();
    expect(findSecrets(secrets, [{ label: 'leak check page', text: shown }])).toEqual([]);
    const hits = findSecrets(secrets, [...dataDirSources(dataDir), ...hostOutputs.map((output, i) => ({ label: `host output ${i}`, text: output() }))]);
    expect(hits).toEqual([]);
  });
});
