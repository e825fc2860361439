/**
 * Helpers for the Add API token wizard journeys (tests/e2e/wizard-*.spec.ts): test images, the
 * connect form, driving the wizard, and direct Marketplace calls against the sandbox.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { createPrng } from '../../../main/sandbox/prng';

// ---- files --------------------------------------------------------------------------------

/** A real 1×1 PNG (transparent pixel). */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** A real 1×1 GIF (a type the logo does not accept). */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** The first bytes of a JPEG (SOI + APP0 “JFIF”): enough for the type check by signature. */
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
/** A PNG signature followed by padding: 1 MB + 1 byte, i.e. one byte over the limit. */
export const PNG_TOO_BIG = Buffer.concat([PNG_1X1, Buffer.alloc(1024 * 1024 + 1 - PNG_1X1.length)]);

export const pngFile = (name = 'pixel.png') => ({ name, mimeType: 'image/png', buffer: PNG_1X1 });

// ---- connect ------------------------------------------------------------------------------

/** Connects through the UI's connect form (after opening `url`, when given) and waits for the token list. */
export async function connectViaUi(page: Page, opts: { url?: string; baseUrl: string; token: string; name?: string }): Promise<void> {
  if (opts.url) await page.goto(opts.url);
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Display name').fill(opts.name ?? 'Wizard e2e');
  await form.getByLabel('Environment').fill(opts.baseUrl);
  await form.getByLabel('API token', { exact: true }).fill(opts.token);
  await form.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('button', { name: 'Add token' })).toBeEnabled();
  await expect(page.getByRole('grid', { name: 'API tokens' })).toBeVisible();
}

// ---- the wizard -----------------------------------------------------------------------------

export const wizardDialog = (page: Page, title: string | RegExp = 'Add API token') => page.getByRole('dialog', { name: title });

/** The step heading (“1. General” …) — also asserts which step is current. */
export async function expectStep(dialog: Locator, step: 'General' | 'Modules' | 'Overview' | 'Summary'): Promise<void> {
  const n = { General: 1, Modules: 2, Overview: 3, Summary: 4 }[step];
  await expect(dialog.getByRole('heading', { name: `${n}. ${step}`, exact: true })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]')).toContainText(step);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never gets there. Keyboard only. */
export async function tabTo(page: Page, target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = opts.max ?? 25;
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `Tab never reached the element within ${max} presses`).toBeFocused({ timeout: 1 });
}

/** Drops `file` on the logo area with a real DragEvent carrying a DataTransfer built in the page. */
export async function dropFile(page: Page, target: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, mimeType, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: mimeType }));
      return dt;
    },
    { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/**
 * A quick create by mouse (name, optional description, modules by their names), ending on the
 * summary. Returns the id and the value read from the summary.
 */
export async function createByMouse(
  page: Page,
  input: { name: string; description?: string; modules: string[]; logo?: 'drop' },
): Promise<{ id: string; value: string; dialog: Locator }> {
  await page.getByRole('button', { name: 'Add token' }).click();
  const dialog = wizardDialog(page);
  await expectStep(dialog, 'General');
  if (input.logo === 'drop') {
    await dropFile(page, dialog.getByTestId('logo-drop'), pngFile('dropped.png'));
    await expect(dialog.getByRole('img', { name: 'Logo preview: dropped.png' })).toBeVisible();
  }
  await dialog.getByLabel('Name (required)').fill(input.name);
  if (input.description) await dialog.getByLabel('Description (optional)').fill(input.description);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Modules');
  for (const m of input.modules) await dialog.getByRole('checkbox', { name: m, exact: true }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Overview');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  return readSummary(dialog);
}

export async function readSummary(dialog: Locator): Promise<{ id: string; value: string; dialog: Locator }> {
  await expectStep(dialog, 'Summary');
  const value = await dialog.getByLabel('Token value').inputValue();
  const text = (await dialog.locator('.wizard-summary').textContent()) ?? '';
  const id = /\((TKN-\d{4}-\d{4})\) was created/.exec(text)?.[1];
  expect(id, `the summary names the new token's id: ${text}`).toBeTruthy();
  expect(value).toMatch(new RegExp(`^idt:${id}:\\S{16,}$`));
  return { id: id!, value, dialog };
}

// ---- the Marketplace, directly ------------------------------------------------------------

export async function apiCall(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** Every visible token of the caller's account with this exact name (the list is small in these tests). */
export async function tokensNamed(baseUrl: string, adminToken: string, name: string): Promise<any[]> {
  const out: any[] = [];
  for (let offset = 0; ; offset += 100) {
    const { status, json } = await apiCall(baseUrl, adminToken, 'GET', `/public/v1/accounts/api-tokens?limit=100&offset=${offset}`);
    expect(status).toBe(200);
    out.push(...json.data.filter((t: any) => t.name === name));
    if (offset + 100 >= json.$meta.pagination.total) return out;
  }
}

/**
 * The sandbox draws its faults from a seeded PRNG, one draw per request when only `dropRate` is
 * set (main/sandbox/faults.ts). Faults cannot target a method, so instead we pick a seed whose
 * FIRST draw drops and whose next `clean` draws do not: with that seed set right before Add,
 * exactly the first request (the create POST) loses its answer and the follow-up look-up goes
 * through. Deterministic for a given request order (the app does not poll in the background).
 */
export function seedDroppingOnlyTheFirstRequest(rate: number, clean = 60): number {
  for (let seed = 1; seed < 1_000_000; seed++) {
    const rng = createPrng(seed);
    if (rng.next() >= rate) continue;
    let ok = true;
    for (let i = 0; i < clean && ok; i++) ok = rng.next() >= rate;
    if (ok) return seed;
  }
  throw new Error('no suitable fault seed');
}
