import { expect, test } from '@playwright/test';
import { startWebHostProcess } from './support/web-host';
import type { WebHostProcess } from './support/web-host';
import pkg from '../../package.json';
import WebSocket from 'ws';

let host: WebHostProcess;

test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

test('the About panel shows the version read through the real bridge', async ({ page }) => {
  await page.goto(host.url);
  // The secret URL redirects to a clean address: the secret does not stay in the address bar.
  await expect(page).toHaveURL(`${host.origin}/`);
  await expect(page.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'About' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
  await expect(page.getByText('Browser host')).toBeVisible();
});

test('the page is refused without the secret', async ({ page }) => {
  const response = await page.goto(host.origin + '/');
  expect(response?.status()).toBe(403);
  await expect(page.getByText('open the full URL printed by `npm run serve`')).toBeVisible();
});

test.describe('the WebSocket bridge', () => {
  const tryUpgrade = (url: string, headers: Record<string, string>) =>
    new Promise<{ status: number | null; opened: boolean }>((resolve) => {
      // Node's own client lets the test set Origin, which a browser would not allow.
      const ws = new WebSocket(url, { headers });
      ws.on('open', () => {
        ws.close();
        resolve({ status: 101, opened: true });
      });
      ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? null, opened: false }));
      ws.on('error', () => resolve({ status: null, opened: false }));
    });

  test('refuses an upgrade without the secret', async () => {
    const wsUrl = host.origin.replace('http', 'ws') + '/desk';
    const result = await tryUpgrade(wsUrl, { Origin: host.origin });
    expect(result).toEqual({ status: 401, opened: false });
  });

  test('refuses an upgrade from another origin even with the secret', async () => {
    const wsUrl = host.origin.replace('http', 'ws') + `/desk?token=${host.secret}`;
    const result = await tryUpgrade(wsUrl, { Origin: 'http://evil.example' });
    expect(result).toEqual({ status: 403, opened: false });
  });

  test('accepts the secret from its own origin', async () => {
    const wsUrl = host.origin.replace('http', 'ws') + `/desk?token=${host.secret}`;
    const result = await tryUpgrade(wsUrl, { Origin: host.origin });
    expect(result).toEqual({ status: 101, opened: true });
  });
});
