/**
 * The theme's palette (ui/theme.css) in light and dark: every text/ground pair the CSS draws
 * meets WCAG AA, which covers the states a journey rarely shows (error notices, banners, every
 * badge); dark overrides every colour; and no renderer CSS or component uses a colour outside
 * the theme. The journeys over every screen are in themes-screens.spec.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/host';
import { contrast, luminance } from './support/colour';
import type { Rgba } from './support/colour';

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
  ['--accent-text', '--accent-hover', 'primary buttons, hovered'],
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
  ['--text', '--badge-bg', 'neutral badges'],
  ['--info', '--info-bg', 'info badges'],
  ['--success', '--success-bg', 'success badges'],
  ['--warning', '--warning-tone-bg', 'warning badges'],
  ['--danger', '--danger-tone-bg', 'danger badges'],
  ['--tooltip-text', '--tooltip-bg', 'tooltips'],
  ['--print-ink', '--print-paper', 'the printed report'],
  ['--print-muted', '--print-paper', 'the printed report, muted'],
  ['--print-ink', '--print-head-bg', 'the printed report, table heads'],
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
  expect(same).toEqual(['--logo-bg', '--print-paper', '--print-ink', '--print-muted', '--print-rule', '--print-head-bg']);
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
