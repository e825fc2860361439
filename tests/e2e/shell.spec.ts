/**
 * The browser host's shell: the About panel through the real bridge, the session secret in the
 * URL fragment, and the WebSocket bridge's refusals. All of it is about the browser host's
 * secret URL and its WebSocket, so it runs in the browser-host project and skips in the desktop
 * app with the reason (the desktop About panel is tests/e2e/electron/about.spec.ts). The app
 * comes from tests/e2e/support/host.ts, so every page's storage goes to the run's secret scan.
 */
import { expect, test } from './support/host';
import type { DeskApp } from './support/host';
import pkg from '../../package.json';
import WebSocket from 'ws';
import { sessionProtocol, WS_PROTOCOL } from '../../common/web-protocol';

const BROWSER_HOST_ONLY = 'the secret URL, its WebSocket and HTTP edge exist only in the browser host (the desktop app has no URL or socket; its About panel is tests/e2e/electron/about.spec.ts)';
let said = false;
test.skip(({ hostKind }) => {
  if (hostKind !== 'electron') return false;
  if (!said) console.log(`[shell e2e] skipped in the desktop app: ${BROWSER_HOST_ONLY}`);
  said = true;
  return true;
}, BROWSER_HOST_ONLY);

let app: DeskApp | undefined;
/** The browser host's address with its secret, as `npm run serve` prints it. */
let host: { url: string; origin: string; secret: string };

test.beforeAll(async ({ desk, hostKind }) => {
  if (hostKind === 'electron' || !desk.available.ok) return;
  app = await desk.open();
  const url = new URL(app.url!);
  host = { url: app.url!, origin: url.origin, secret: url.hash.slice(1) };
});
test.afterAll(async () => {
  await app?.stop();
});

/** A fresh tab of the app's browser (its storage goes to the secret scan when the app stops). */
const newPage = () => app!.page.context().newPage();

test('the About panel shows the version read through the real bridge', async () => {
  const page = await newPage();
  await page.goto(host.url);
  // The bridge takes the secret off the address bar at once.
  await expect(page).toHaveURL(`${host.origin}/tokens`);
  await expect(page.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
  await expect(page.getByText('Browser host')).toBeVisible();
});

test('the secret travels in the fragment: no cookie, gone from the address bar, and a reload still works', async () => {
  const page = await newPage();
  const context = page.context();
  await page.goto(host.url);
  await expect(page).toHaveURL(`${host.origin}/tokens`);
  await expect(page.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
});

test('without the secret the page says where to get it and reaches nothing', async () => {
  const page = await newPage();
  // The page itself is the public build; everything behind it needs the secret on the WebSocket.
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(host.origin + '/');
  // The bridge says so above the app, and the app shows the same refusal where its calls failed.
  await expect(page.getByRole('alert').filter({ hasText: 'open the full URL printed by `npm run serve`' }).first()).toBeVisible();
  expect(sockets).toEqual([]);
});

test.describe('the WebSocket bridge', () => {
  const tryUpgrade = (url: string, headers: Record<string, string>, protocols: string[] = []) =>
    new Promise<{ status: number | null; opened: boolean }>((resolve) => {
      // Node's own client lets the test set Origin, which a browser would not allow.
      const ws = new WebSocket(url, protocols, { headers });
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
    const wsUrl = host.origin.replace('http', 'ws') + '/desk';
    const result = await tryUpgrade(wsUrl, { Origin: 'http://evil.example' }, [WS_PROTOCOL, sessionProtocol(host.secret)]);
    expect(result).toEqual({ status: 403, opened: false });
  });

  test('accepts the secret from its own origin', async () => {
    const wsUrl = host.origin.replace('http', 'ws') + '/desk';
    const result = await tryUpgrade(wsUrl, { Origin: host.origin }, [WS_PROTOCOL, sessionProtocol(host.secret)]);
    expect(result).toEqual({ status: 101, opened: true });
  });
});
