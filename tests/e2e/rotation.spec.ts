/**
 * Rotation plans carried out by the app, end to end: the browser host in Chromium against a
 * sandbox started on its own (a separate process, reached over HTTP like the Marketplace), with
 * the real keychain. A "script" outside the app keeps calling the sandbox with the old token's
 * value, so its Last access stays fresh; the plan sees it, waits, and retires the old token on
 * its own about a minute after the script stops. Then: retire now clicked in two windows at
 * once acts once, concurrent calls from both windows act once, extend and cancel.
 *
 * The host runs with `--rotation-check-interval 5` (main/web/server-args.ts): the plan still
 * waits for the real quiet minute, but looks again when the token could first be quiet instead
 * of a full minute after its last look. The quiet journey takes about two and a half minutes.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { PlanView } from '../../common/rotation';
import { expect, test } from './support/page-errors';
import { clearKeychain, keychainAvailability, uniqueKeychainService } from './support/keychain';
import { startSandboxProcess } from './support/sandbox-process';
import type { SandboxProcess } from './support/sandbox-process';
import { recordKnownSecrets, recordPageStorage } from './support/secrets-scan';
import { connectWithForm, createApi, tokensUi } from './support/tokens-helpers';
import type { Api } from './support/tokens-helpers';
import { makeDataDir, startWebHostProcess } from './support/web-host';
import type { WebHostProcess } from './support/web-host';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const service = uniqueKeychainService();

let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
let sandbox: SandboxProcess | undefined;
let host: WebHostProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
let api: Api;
let connectionId: string;

const invoke = (p: Page, channel: string, input: unknown) =>
  p.evaluate(([c, i]) => window.desk!.invoke(c as never, i), [channel, input] as const) as Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;

async function planOf(oldId: string): Promise<PlanView> {
  const { value } = await invoke(page, 'rotation.list', {});
  const plan = (value.plans as PlanView[]).find((p) => p.oldId === oldId);
  if (!plan) throw new Error(`no plan for ${oldId}`);
  return plan;
}

/** How many disable calls a plan made: each is written down ("Disabling …") before it is sent. */
const disableCalls = (plan: PlanView) => plan.history.filter((h) => h.text.startsWith('Disabling ')).length;

const rotationsView = (p: Page) => p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rotations' });
const planItem = (p: Page, oldId: string) => p.getByRole('list', { name: 'Rotation plans' }).getByRole('listitem').filter({ hasText: oldId });
const showFilter = (p: Page, label: string) => p.getByRole('group', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${label} \\(`) });

test.describe.serial('rotation plans, carried out by the app', () => {
  test.beforeAll(async ({ browser }) => {
    keychain = await keychainAvailability();
    if (!keychain.ok) {
      console.log(`[rotation e2e] skipped: ${keychain.reason}`);
      return;
    }
    sandbox = await startSandboxProcess(['--seed', '2202', '--tokens', '3', '--no-audit-history']);
    const client = sandbox.accounts.find((a) => a.type === 'Client')!;
    recordKnownSecrets(sandbox.accounts.map((a) => a.adminToken));
    api = createApi(() => sandbox!.url, () => client.adminToken);
    host = await startWebHostProcess({ dataDir: makeDataDir(), env: { TOKEN_DESK_KEYCHAIN_SERVICE: service }, args: ['--rotation-check-interval', '5'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    await page.goto(host.url);
    await connectWithForm(page, { name: 'Stark (sandbox)', baseUrl: sandbox.url, token: client.adminToken });
    await expect(tokensUi(page).grid()).toBeVisible();
    connectionId = (await invoke(page, 'connections.list', {})).value.activeId as string;
  });

  test.afterAll(async () => {
    if (context) await recordPageStorage(context).catch(() => undefined);
    await context?.close();
    await host?.stop();
    await sandbox?.stop();
    if (keychain.ok) await clearKeychain(service);
  });

  test.beforeEach(() => {
    test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
  });

  test('when quiet for 1 minute, deadline in 10 minutes: waits while a script uses the old value, disables it about a minute after the script stops, without a click', async () => {
    test.setTimeout(5 * MINUTE);
    const old = await api.createToken('Nightly export', 'used by the export script', ['MOD-1756']);
    recordKnownSecrets([old.value]);

    // The script: calls the sandbox with the old value every few seconds, as an integration would.
    let lastUse = 0;
    let lastStatus = 0;
    const use = async () => {
      const res = await fetch(`${sandbox!.url}/public/v1/accounts/api-tokens/${old.id}`, { headers: { Authorization: `Bearer ${old.value}` } });
      lastStatus = res.status;
      if (res.ok) lastUse = Date.now();
    };
    await use();
    expect(lastStatus).toBe(200);
    const script = setInterval(() => void use().catch(() => undefined), 3_000);

    try {
      // Rotate from the row's menu: the list is read again so the token made over HTTP shows.
      const ui = tokensUi(page);
      await page.reload();
      await ui.showOnly(old.id);
      await ui.rowAction(old.id, 'Rotate Nightly export');
      const dialog = page.getByRole('dialog', { name: 'Rotate Nightly export' });
      await dialog.getByLabel('Quiet for', { exact: true }).selectOption(String(MINUTE));
      await dialog.getByLabel('Deadline', { exact: true }).selectOption(String(10 * MINUTE));
      await expect(dialog).toContainText('until it has not been used for 1 min, then it is disabled; in 10 min at the latest');
      await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
      await expect(dialog.getByRole('status')).toHaveText('1 of 1 rotated.');
      const newId = (await dialog.locator('.rotation-results strong').first().textContent())!.trim();
      expect(newId).toMatch(/^TKN-\d{4}-\d{4}$/);
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      const rotatedAt = Date.parse((await planOf(old.id)).createdAt);

      // The table links the pair; the Rotations view says the old token is still used.
      await expect(ui.row(old.id)).toContainText(`Replaced by ${newId} · retiring when quiet for 1 min`);
      await rotationsView(page).click();
      const item = planItem(page, old.id);
      await expect(item).toContainText(`Nightly export ${old.id} → ${newId}`);
      await expect(item).toContainText('retiring when quiet for 1 min');
      await expect(item).toContainText(/old token still used (less than a minute|\d+ min) ago/);

      // The script keeps going past the quiet minute: the plan looks again, finds it used, waits.
      await expect.poll(async () => Date.parse((await planOf(old.id)).checkedAt ?? '') - rotatedAt, { timeout: 90_000, intervals: [2_000] }).toBeGreaterThanOrEqual(MINUTE - 5_000);
      const waited = await planOf(old.id);
      expect(waited.stage).toBe('waiting');
      expect(Date.parse(waited.checkedAt!) - Date.parse(waited.lastAccessAt!)).toBeLessThan(MINUTE);
      expect((await api.getToken(old.id)).status).toBe('Active');
      expect(lastStatus).toBe(200);
      await expect(item).toContainText('old token still used');
      await expect(item).toContainText('retiring when quiet for 1 min');
    } finally {
      clearInterval(script);
    }

    // The script has stopped: about a minute later the old token is disabled, nobody clicking.
    const stoppedAt = lastUse;
    const item = planItem(page, old.id);
    await expect(showFilter(page, 'Done')).toHaveText(/Done \(1\)/, { timeout: 2 * MINUTE });
    const done = await planOf(old.id);
    expect(done.stage).toBe('done');
    const retiredAt = Date.parse(done.history.at(-1)!.at);
    // The sandbox stamps the access a moment before the script hears the answer.
    expect(retiredAt - stoppedAt).toBeGreaterThanOrEqual(MINUTE - 2_000);
    expect(retiredAt - stoppedAt).toBeLessThan(MINUTE + 30_000);
    expect(disableCalls(done)).toBe(1);
    expect((await api.getToken(old.id)).status).toBe('Disabled');
    // The old value no longer works.
    await use();
    expect(lastStatus).toBe(401);

    // The Rotations view says so (under Done) …
    await expect(item).toHaveCount(0);
    await showFilter(page, 'Done').click();
    await expect(item).toContainText('retired');
    await expect(item).toContainText(`Disabled ${old.id} “Nightly export”.`);
    // … and so does the table: the old row Disabled and retired, the new one Active.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    const ui = tokensUi(page);
    await ui.showOnly(old.id);
    await expect(ui.rowStatus(old.id)).toContainText('Disabled');
    await expect(ui.row(old.id)).toContainText(`Replaced by ${done.newId} · retired`);
    await ui.showOnly(done.newId);
    await expect(ui.rowStatus(done.newId)).toContainText('Active');
    await expect(ui.row(done.newId)).toContainText(`Replaces ${old.id}`);
    await ui.clearSearch();
  });

  test('two windows: retire now clicked in both acts once; concurrent calls from both act once', async () => {
    test.setTimeout(2 * MINUTE);
    const second = await context!.newPage();
    try {
      await second.goto(host!.url);
      // A saved connection starts the app on the Overview; the list is one click away.
      await expect(second.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await second.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
      await expect(tokensUi(second).grid()).toBeVisible();
      const a = await api.createToken('Billing robot', 'retired from two windows', ['MOD-1756']);
      const b = await api.createToken('Report robot', 'retired by concurrent calls', ['MOD-1756']);
      recordKnownSecrets([a.value, b.value]);
      for (const t of [a, b]) {
        const r = await invoke(page, 'rotation.rotate', { oldId: t.id, retire: { kind: 'grace', graceMs: 24 * HOUR }, connectionId });
        expect(r.ok, r.error?.message).toBe(true);
      }

      // Both windows show the plan (the second one hears of it through rotation.changed).
      for (const p of [page, second]) {
        await rotationsView(p).click();
        await showFilter(p, 'Pending').click();
        await expect(planItem(p, a.id)).toContainText('retiring in 24 h');
      }
      const buttons = [page, second].map((p) => planItem(p, a.id).getByRole('button', { name: `Retire now ${a.id} Billing robot` }));
      await Promise.all(buttons.map((button) => expect(button).toBeEnabled()));
      // Dispatched together: a real click waits for the button to stand still, and the first
      // window's click could take the second one's button away before that.
      await Promise.all(buttons.map((button) => button.dispatchEvent('click')));

      await expect.poll(async () => (await planOf(a.id)).stage).toBe('done');
      const planA = await planOf(a.id);
      expect(disableCalls(planA)).toBe(1);
      expect(planA.history.filter((h) => h.text === 'Retire now: asked by you.').length).toBeGreaterThanOrEqual(1);
      expect(planA.history.map((h) => h.text).join('\n')).not.toMatch(/did not go through/);
      expect((await api.getToken(a.id)).status).toBe('Disabled');
      // Both windows follow: the plan leaves Pending; a second click that came too late says why.
      for (const p of [page, second]) {
        await expect(planItem(p, a.id)).toHaveCount(0);
        await showFilter(p, 'Done').click();
        await expect(planItem(p, a.id)).toContainText(`Disabled ${a.id} “Billing robot”.`);
        await showFilter(p, 'Pending').click();
      }

      // Three retire-now calls from each window at once: one disable call.
      const planB = await planOf(b.id);
      const act = (p: Page) => invoke(p, 'rotation.act', { connectionId, planId: planB.id, action: { kind: 'retireNow' } });
      const answers = await Promise.all([page, second, page, second, page, second].map(act));
      expect(answers.some((r) => r.ok)).toBe(true);
      for (const r of answers.filter((x) => !x.ok)) expect(r.error?.message).toMatch(/being (carried out|retired) right now|already carried out/);
      await expect.poll(async () => (await planOf(b.id)).stage).toBe('done');
      expect(disableCalls(await planOf(b.id))).toBe(1);
      expect((await api.getToken(b.id)).status).toBe('Disabled');
    } finally {
      await second.close();
    }
  });

  test('extend and cancel from the Rotations view: the plan moves its time, then stops and leaves the token alone', async () => {
    const c = await api.createToken('Deploy hook', 'extended, then cancelled', ['MOD-1756']);
    recordKnownSecrets([c.value]);
    const r = await invoke(page, 'rotation.rotate', { oldId: c.id, retire: { kind: 'grace', graceMs: 24 * HOUR }, connectionId });
    expect(r.ok, r.error?.message).toBe(true);
    await rotationsView(page).click();
    await showFilter(page, 'Pending').click();
    const item = planItem(page, c.id);
    await expect(item).toContainText('retiring in 24 h');

    const due = () => planOf(c.id).then((p) => (p.when.kind === 'at' ? Date.parse(p.when.at) : NaN));
    const before = await due();
    await item.getByRole('combobox', { name: `Extend by (${c.id} Deploy hook)` }).selectOption({ label: '7 days' });
    await item.getByRole('button', { name: `Extend ${c.id} Deploy hook` }).click();
    await expect(item).toContainText('retiring in 8 d');
    expect((await due()) - before).toBe(7 * 24 * HOUR);

    await item.getByRole('button', { name: `Cancel the plan for ${c.id} Deploy hook` }).click();
    await expect(item).toHaveCount(0);
    await showFilter(page, 'Cancelled').click();
    await expect(item).toContainText('rotation cancelled');
    await expect(item).toContainText('Cancelled by you.');
    // Nothing left to do: no action is offered, and the token stays Active.
    await expect(item.getByRole('button')).toHaveCount(0);
    const plan = await planOf(c.id);
    expect(plan).toMatchObject({ stage: 'cancelled', nextAt: null });
    expect(disableCalls(plan)).toBe(0);
    expect((await api.getToken(c.id)).status).toBe('Active');
    // A cancelled plan refuses a late retire now with a sentence, and changes nothing.
    const late = await invoke(page, 'rotation.act', { connectionId, planId: plan.id, action: { kind: 'retireNow' } });
    expect(late).toMatchObject({ ok: false, error: { message: 'This plan is already cancelled.' } });
    expect((await api.getToken(c.id)).status).toBe('Active');
  });
});
