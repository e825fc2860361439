/**
 * Light and dark themes: dark mode follows the OS on every screen. The OS's choice
 * is emulated with page.emulateMedia({ colorScheme }); for each scheme one journey over every
 * screen: the connect screen, the token table after "Try the sandbox" (with the switcher menu,
 * the "⋯" menu, a selected row's bulk bar, a notice), the details and each tab, the Edit and
 * Delete dialogs, each step of the wizard (it stores a value, which is then copied), the Audit
 * log, the Access log with that copy, Settings, Connections, About and Quick Access listing the
 * value (browser host: Quick Access is a page of its own there). On each:
 *   - the theme is applied: the page's ground is dark (relative luminance < 0.2) or light (> 0.8);
 *   - in dark, no element keeps a light ground (a component that missed the theme);
 *   - every visible text meets WCAG AA contrast against the ground it is drawn on (computed here,
 *     because axe leaves text over the virtualized grids "incomplete");
 *   - axe (WCAG 2 A/AA, color-contrast included) finds no violation.
 * A further test reads the theme (ui/theme.css) and checks the palette's text/ground pairs in both themes,
 * which covers the states a journey rarely shows (error notices, banners, every badge), and one
 * that no renderer CSS or component uses a colour outside the theme.
 * Screenshots: the test output, and THEME_SCREENSHOTS_DIR when set (to look at them by hand).
 *
 * Needs a Secret Service (the sandbox connection keeps its admin token in the keychain).
 * Longer than 350 lines on purpose: the journey, the colour arithmetic it measures with and the
 * palette guards are one rule (readable in both themes), kept in one file.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import { keychainAvailability } from './support/keychain';
import { recordKnownSecrets } from './support/secrets-scan';
import { tokensUi } from './support/tokens-helpers';
import { dropFile, expectStep, pngFile, readSummary, wizardDialog } from './support/wizard-helpers';

type Scheme = 'light' | 'dark';
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };

test.beforeAll(async () => {
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[themes e2e] journeys skipped: ${keychain.reason}`);
});

// ---- colour arithmetic (WCAG 2 relative luminance and contrast) ------------------------------

type Rgba = [number, number, number, number];
function parseColor(css: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  const [r, g, b, a = '1'] = m[1]!.split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}
function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgba, b: Rgba): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
/** `top` drawn over the opaque `under`. */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  const mix = (i: 0 | 1 | 2) => top[i] * a + under[i] * (1 - a);
  return [mix(0), mix(1), mix(2), 1];
}

// ---- what one screen is checked for ----------------------------------------------------------

interface Painted {
  root: string;
  /** Elements with their own text: colour, the grounds under it (innermost first), size, weight. */
  texts: Array<{ what: string; color: string; grounds: string[]; px: number; weight: number }>;
  /** Boxes of some size with an opaque-ish ground. */
  grounds: Array<{ what: string; bg: string }>;
}

/** Reads the page as painted: runs in the browser. */
function readPainted(): Painted {
  const describe = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
  };
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom < 0 || box.right < 0 || box.top > innerHeight || box.left > innerWidth) return false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
      if ((e as HTMLElement).inert) return false; // the page under a modal
    }
    return true;
  };
  const grounds = (el: Element) => {
    const out: string[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') out.push(bg);
    }
    return out;
  };
  const texts: Painted['texts'] = [];
  const boxes: Painted['grounds'] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!visible(el) || el.closest('[aria-hidden="true"], svg')) continue;
    // Disabled controls are exempt from contrast (WCAG 1.4.3: inactive components).
    if (el.closest(':disabled, [aria-disabled="true"]')) continue;
    const s = getComputedStyle(el);
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const isField = el.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea') && ((el as HTMLInputElement).value || (el as HTMLInputElement).placeholder);
    if (ownText || isField) texts.push({ what: describe(el), color: s.color, grounds: grounds(el), px: parseFloat(s.fontSize), weight: Number(s.fontWeight) });
    const box = el.getBoundingClientRect();
    if (box.width * box.height >= 64 && el.tagName !== 'IMG' && !el.closest('.wizard-logo')) boxes.push({ what: describe(el), bg: s.backgroundColor });
  }
  return { root: getComputedStyle(document.documentElement).backgroundColor, texts, grounds: boxes };
}

const shotsDir = process.env.THEME_SCREENSHOTS_DIR;

async function checkScreen(page: Page, scheme: Scheme, name: string): Promise<void> {
  const label = `${name} (${scheme})`;
  await page.waitForTimeout(150); // let transitions and the virtualizer settle before reading colours
  const painted = await page.evaluate(readPainted);
  const root = parseColor(painted.root);

  // The theme is applied to the page's ground.
  if (scheme === 'dark') expect(luminance(root), `${label}: page ground ${painted.root}`).toBeLessThan(0.2);
  else expect(luminance(root), `${label}: page ground ${painted.root}`).toBeGreaterThan(0.8);

  // In dark nothing keeps a light ground (the accent buttons are the brightest thing allowed).
  if (scheme === 'dark') {
    const light = painted.grounds.filter((g) => parseColor(g.bg)[3] > 0.5 && luminance(parseColor(g.bg)) > 0.45).map((g) => `${g.what}: ${g.bg}`);
    expect(light, `${label}: light grounds in the dark theme`).toEqual([]);
  }

  // Every visible text is readable on what it is drawn on.
  expect(painted.texts.length, `${label}: texts seen`).toBeGreaterThan(3);
  const unreadable: string[] = [];
  for (const t of painted.texts) {
    const ground = t.grounds.reduceRight<Rgba>((under, bg) => over(parseColor(bg), under), root);
    const ratio = contrast(over(parseColor(t.color), ground), ground);
    const large = t.px >= 24 || (t.px >= 18.66 && t.weight >= 700);
    if (ratio < (large ? 3 : 4.5)) unreadable.push(`${t.what}: ${t.color} on ${ground.map((c) => Math.round(c)).join(',')} = ${ratio.toFixed(2)}`);
  }
  expect(unreadable, `${label}: text below WCAG AA contrast`).toEqual([]);

  // axe over the whole page: WCAG 2 A/AA, which includes color-contrast.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const results = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
  expect(ran, `${label}: axe ran color-contrast`).toContain('color-contrast');
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n'),
  );
  expect(violations, `${label}: axe violations`).toEqual([]);

  const file = `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${scheme}.png`;
  // A token value on screen (the wizard's summary) never goes into a picture. Hidden by hand:
  // Playwright's mask is drawn under the top layer, where the dialog is.
  const hideValues = (hidden: boolean) =>
    page.evaluate((h) => document.querySelectorAll<HTMLElement>('.wizard-value').forEach((e) => (e.style.visibility = h ? 'hidden' : '')), hidden);
  await hideValues(true);
  await page.screenshot({ path: test.info().outputPath(file) });
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, file) });
  await hideValues(false);
}

// ---- the journeys ----------------------------------------------------------------------------

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen in the ${scheme} theme: applied, readable, no axe violation`, async ({ desk, hostKind }) => {
    test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
    test.setTimeout(180_000);
    if (shotsDir) fs.mkdirSync(shotsDir, { recursive: true });
    // 960 px: the row actions fold into the "⋯" menu (features/tokens/grid/columns.ts).
    const app = await desk.open({ size: { width: 960, height: 760 }, clipboard: true });
    const page = app.page;
    await page.emulateMedia({ colorScheme: scheme });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const t = tokensUi(page);

    // The first paint waits for the host and the page's bundle: slower on a loaded machine.
    await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible({ timeout: 30_000 });
    await checkScreen(page, scheme, 'connect');

    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await expect(t.bodyRows().first()).toBeVisible();
    await checkScreen(page, scheme, 'tokens');

    await page.getByRole('button', { name: /Switch connection/ }).click();
    await expect(page.getByRole('menu').first()).toBeVisible();
    await checkScreen(page, scheme, 'switcher menu');
    await page.keyboard.press('Escape');

    const first = t.bodyRows().filter({ hasText: 'Active' }).first();
    const name = (await first.locator('.token-name').textContent())!.trim();
    const row = t.row((await first.locator('.token-id').textContent())!.trim());
    const menuButton = row.getByRole('button', { name: `Actions for ${name}`, exact: true });
    await menuButton.click();
    const menu = page.getByRole('menu', { name: `Actions for ${name}` });
    await expect(menu).toBeVisible();
    await checkScreen(page, scheme, 'row actions menu');

    await menu.getByRole('menuitem', { name: `Disable ${name}` }).click();
    await expect(row.locator('.status-badge')).toHaveText('Disabled');

    await row.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await menu.getByRole('menuitem', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog');
    await expect(edit).toBeVisible();
    await checkScreen(page, scheme, 'edit dialog');
    // Saving shows a notice; the row's checkbox shows the bulk bar.
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.locator('.notices .notice').first()).toBeVisible();
    await row.getByRole('checkbox', { name: `Select ${name}` }).check();
    await expect(page.locator('.bulk-bar')).toBeVisible();
    await checkScreen(page, scheme, 'tokens with notice and selection');
    await row.getByRole('checkbox', { name: `Select ${name}` }).uncheck();

    await row.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await menu.getByRole('menuitem', { name: `Delete ${name}` }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toBeVisible();
    await checkScreen(page, scheme, 'delete confirm');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();

    await row.locator('.token-name').click();
    await expect(t.detailsHeading()).toHaveText(name);
    for (const tab of ['General', 'Modules', 'Details', 'Audit trail']) {
      await t.tab(tab).click();
      await expect(t.tab(tab)).toHaveAttribute('aria-selected', 'true');
      await expect(t.tabPanel()).toBeVisible();
      if (tab === 'Audit trail') await expect(t.tabPanel().getByText(/disabled/i).first()).toBeVisible();
      await checkScreen(page, scheme, `details ${tab}`);
    }

    await page.getByRole('button', { name: '← Back to API tokens' }).first().click();
    // The wizard, every step: the new token's value is stored, so the Access log and Quick Access have rows.
    await page.getByRole('button', { name: 'Add token' }).click();
    const wizard = wizardDialog(page);
    await expectStep(wizard, 'General');
    await dropFile(page, wizard.getByTestId('logo-drop'), pngFile('logo.png'));
    await wizard.getByLabel('Name (required)').fill('Theme check');
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
    await checkScreen(page, scheme, 'wizard summary');
    await wizard.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(wizard).toBeHidden();
    const newRow = t.row(created.id);
    await newRow.getByRole('button', { name: 'Actions for Theme check', exact: true }).click();
    await page.getByRole('menu', { name: 'Actions for Theme check' }).getByRole('menuitem', { name: 'Copy value of Theme check' }).click();
    await expect(page.locator('.notices .notice').first()).toBeVisible();

    for (const [item, heading] of [
      ['Audit log', 'Audit log'],
      ['Access log', /Access log|Value access/],
      ['Settings', 'Settings'],
      ['Connections', /Connections/],
      ['About', /Token Desk|About/],
    ] as const) {
      await nav.getByRole('button', { name: item, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
      if (item === 'Access log') await expect(page.locator('.access-table')).toContainText('Theme check');
      await checkScreen(page, scheme, item);
    }

    if (hostKind === 'browser') {
      const url = new URL(page.url());
      await page.goto(`${url.origin}/quick${url.hash}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.locator('.quick-option').first()).toContainText('Theme check');
      await checkScreen(page, scheme, 'quick access');
    } else {
      console.log('[themes e2e] Quick Access is its own window in the desktop app: checked in the browser host');
    }
  });
}

// ---- the palette itself --------------------------------------------------------------------

/** Text colour, ground, and what it is, for every pairing the CSS draws (ui/theme.css). */
const PAIRS: Array<[string, string, string]> = [
  ['--text', '--bg', 'text on the page'],
  ['--text', '--panel', 'text on panels'],
  ['--text', '--raised', 'text in menus and dialogs'],
  ['--text', '--input-bg', 'typed text'],
  ['--muted', '--panel', 'muted text'],
  ['--muted', '--bg', 'muted text on the page'],
  ['--muted', '--raised', 'muted text in dialogs'],
  ['--muted', '--sunken', 'table heads'],
  ['--accent', '--panel', 'links'],
  ['--accent', '--raised', 'links in dialogs'],
  ['--focus', '--selected', 'the current navigation item'],
  ['--accent-text', '--accent', 'primary buttons'],
  ['--accent-text', '--focus', 'primary buttons, hovered'],
  ['--danger-text', '--danger', 'danger buttons'],
  ['--danger', '--panel', 'errors'],
  ['--danger', '--raised', 'errors in dialogs'],
  ['--success', '--panel', 'success text'],
  ['--warning', '--panel', 'warning text'],
  ['--text', '--hover', 'hovered items'],
  ['--text', '--subtle', 'hovered rows'],
  ['--text', '--selected-row', 'selected rows'],
  ['--text', '--selected', 'the bulk bar'],
  ['--chrome-text', '--chrome-bg', 'the top bar'],
  ['--chrome-text', '--chrome-control', 'the switcher'],
  ['--chrome-muted', '--chrome-control', "the switcher's account"],
  ['--accent-text', '--accent', 'the brand mark'],
  ['--notice-text', '--notice-bg', 'notices'],
  ['--notice-text', '--notice-error-bg', 'error notices'],
  ['--notice-text', '--notice-success-bg', 'success notices'],
  ['--warning', '--warning-bg', 'warning banners'],
  ['--warning', '--note-bg', 'wizard notes'],
  ['--danger', '--danger-bg', 'error banners'],
  ['--danger', '--danger-soft', 'wizard alerts'],
  ['--success', '--status-active-bg', 'Active badges'],
  ['--warning', '--status-disabled-bg', 'Disabled badges'],
  ['--danger', '--status-deleted-bg', 'Deleted badges'],
  ['--text', '--badge-bg', 'badges'],
  ['--badge-client-text', '--badge-client-bg', 'Client badges'],
  ['--badge-vendor-text', '--badge-vendor-bg', 'Vendor badges'],
  ['--badge-operations-text', '--badge-operations-bg', 'Operations badges'],
  ['--badge-sandbox-text', '--badge-sandbox-bg', 'Sandbox badges'],
  ['--success', '--badge-active-bg', 'the active connection badge'],
  ['--initials-text', '--initials-bg', 'token initials'],
];

test('the palette: every text/ground pair meets WCAG AA in light and dark; dark overrides every colour', () => {
  const css = fs.readFileSync(path.join(__dirname, '..', '..', 'renderer', 'src', 'ui', 'theme.css'), 'utf8');
  const block = (re: RegExp) => {
    const m = re.exec(css);
    if (!m) throw new Error(`no ${re} in ui/theme.css`);
    return Object.fromEntries([...m[1]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((d) => [d[1]!, d[2]!.trim()]));
  };
  const light = block(/^:root \{([^}]*)\}/m);
  const dark = { ...light, ...block(/@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/) };
  const hex = (vars: Record<string, string>, name: string): Rgba => {
    let v = vars[name];
    while (v?.startsWith('var(')) v = vars[v.slice(4, -1).trim()];
    const m = v ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(v) : null;
    if (!m) throw new Error(`${name} is not a #rrggbb colour: ${v}`);
    return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16), 1];
  };
  const failures: string[] = [];
  for (const [themeName, vars] of [['light', light], ['dark', dark]] as const) {
    for (const [fg, bg, what] of PAIRS) {
      const ratio = contrast(hex(vars, fg), hex(vars, bg));
      if (ratio < 4.5) failures.push(`${themeName}: ${what} (${fg} on ${bg}) ${ratio.toFixed(2)}`);
    }
  }
  expect(failures).toEqual([]);
  // Every colour of light has a dark value, except those that are meant to stay (see ui/theme.css).
  const same = Object.entries(light)
    .filter(([k, v]) => /^(#|rgba?\()/.test(v) && dark[k] === v)
    .map(([k]) => k);
  expect(same).toEqual(['--logo-bg']);
  expect(luminance(hex(light, '--bg'))).toBeGreaterThan(0.8);
  expect(luminance(hex(dark, '--bg'))).toBeLessThan(0.2);
});

test('no colour outside the theme: renderer CSS and components only use the theme properties', () => {
  const src = path.join(__dirname, '..', '..', 'renderer', 'src');
  const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.(css|tsx?)$/.test(f));
  expect(files.filter((f) => f.endsWith('.css')).length, 'CSS files seen').toBeGreaterThan(1);
  const literal = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?:color|background|border|outline|fill|stroke|shadow)[\w-]*\s*:[^;{}]*?\b(?:white|black|red|green|blue|gray|grey|yellow|orange|purple|pink|silver)\b/gi;
  const found: string[] = [];
  for (const file of files) {
    let text = fs.readFileSync(path.join(src, file), 'utf8');
    // The theme itself: the :root block and its dark override in ui/theme.css.
    if (file === path.join('ui', 'theme.css')) text = text.replace(/^:root \{[^}]*\}/m, '').replace(/@media \(prefers-color-scheme: dark\) \{\s*:root \{[^}]*\}\s*\}/, '');
    // Components: only what reaches a style (inline styles and CSS-in-JS), not ids or anchors in text.
    if (!file.endsWith('.css')) text = [...text.matchAll(/style=\{\{[^}]*\}\}|CSSProperties[^;]*;/g)].map((m) => m[0]).join('\n');
    for (const m of text.matchAll(literal)) found.push(`${file}: ${m[0]}`);
  }
  expect(found).toEqual([]);
});
