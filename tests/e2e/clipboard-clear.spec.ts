/**
 * The browser host's clear, honestly: a clear that falls due while the page may not touch the
 * clipboard (the browser refuses in a background tab; here the refusal is made on purpose) is
 * told to the user, kept, and done when the tab comes back to the front.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/page-errors';
import { startSandbox } from '../../main/sandbox';
import type { RunningSandbox } from '../../main/sandbox';
import { clearKeychain, keychainAvailability, uniqueKeychainService } from './support/keychain';
import { recordKnownSecrets } from './support/secrets-scan';
import { connectWithForm, createApi, tokensUi } from './support/tokens-helpers';
import { makeDataDir, startWebHostProcess } from './support/web-host';
import type { WebHostProcess } from './support/web-host';

let sandbox: RunningSandbox | undefined;
let host: WebHostProcess | undefined;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
const service = uniqueKeychainService();

const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => window.desk!.invoke(c as never, i), [channel, input] as const) as Promise<{ ok: boolean; value?: any }>;

test.beforeAll(async () => {
  keychain = await keychainAvailability();
});

test.afterAll(async () => {
  await host?.stop();
  await sandbox?.close();
  if (keychain.ok) await clearKeychain(service);
});

test('a clear the browser refuses is told, kept, and done when the tab is in front again', async ({ browser }) => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  test.setTimeout(90_000);
  sandbox = await startSandbox({ seed: 5, accounts: [{ type: 'Client', tokens: 3 }] });
  const client = sandbox.accounts.find((a) => a.type === 'Client')!;
  const made = await createApi(() => sandbox!.url, () => client.adminToken).createToken('Clear me', 'clipboard journey', ['MOD-1756']);
  recordKnownSecrets([made.value, client.adminToken]);
  host = await startWebHostProcess({ dataDir: makeDataDir(), env: { TOKEN_DESK_KEYCHAIN_SERVICE: service } });
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(host.url);
  await connectWithForm(page, { name: 'Stark (sandbox)', baseUrl: sandbox.url, token: client.adminToken });
  await expect(tokensUi(page).grid()).toBeVisible();
  const connectionId = (await invoke(page, 'connections.list', {})).value.activeId as string;
  expect((await invoke(page, 'values.add', { id: made.id, value: made.value, connectionId })).ok).toBe(true);
  expect((await invoke(page, 'settings.set', { clipboardClearMs: 10_000 })).ok).toBe(true);

  expect((await invoke(page, 'values.copy', { id: made.id, connectionId })).value).toMatchObject({ inFrontOnly: true });
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(made.value);
  // What a background tab meets: the browser refuses to read the clipboard.
  await page.evaluate(() => {
    const real = navigator.clipboard.readText.bind(navigator.clipboard);
    (window as unknown as { realRead: () => Promise<string> }).realRead = real;
    navigator.clipboard.readText = () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));
  });
  await expect(page.getByText('The copied value is still on the clipboard', { exact: false })).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { realRead: () => Promise<string> }).realRead())).toBe(made.value);

  // Back in front: the clear happens, and the page says so.
  await page.evaluate(() => {
    navigator.clipboard.readText = (window as unknown as { realRead: () => Promise<string> }).realRead;
    window.dispatchEvent(new Event('focus'));
  });
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('');
  await expect(page.getByText('The copied value has been cleared from the clipboard.')).toBeVisible();
});
