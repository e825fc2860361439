/**
 * The printable report against a real sandbox: tokens with known values are created, the
 * report's print view lists them (inventory and attention list) and — in its HTML, its text and
 * the PDF Chromium prints of it with the print style sheet — holds none of the values, nor the
 * `idt:` prefix. The admin token's value, which the app itself keeps, is scanned for too.
 */
import { expect, test } from './support/host';
import { findSecrets } from './support/secrets-scan';
import { api, app, page, secrets, ui, useTokensJourneys } from './support/tokens-journey';

useTokensJourneys();

/** The text of every page of a PDF, as pdf.js reads it (Chromium compresses the streams, so raw bytes would prove nothing). */
async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

test('the report lists the tokens and holds no token value, on screen and in its PDF', async () => {
  const first = await api.createToken('Audit report one', 'made by the report e2e', ['MOD-1756']);
  const second = await api.createToken('Audit report two', 'made by the report e2e', ['MOD-0478']);
  secrets.push(first.value, second.value);
  await page.reload();
  await expect(ui().row(first.id)).toHaveCount(1, { timeout: 30_000 });

  // The print view, reached the way the Overview's button goes there (an in-app address).
  await page.evaluate(() => {
    history.pushState(null, '', '/report/all');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Token Desk report' })).toBeVisible();
  const report = page.getByTestId('report');
  await expect(report).toContainText('Audit report one', { timeout: 30_000 });
  await expect(report).toContainText(second.id);
  await expect(report).toContainText('Holds Access Management');
  await expect(report).toContainText('This report holds no token values.');

  const html = await report.evaluate((el) => el.outerHTML);
  const text = await page.locator('main').innerText();
  expect(findSecrets(secrets, [{ label: 'report HTML', text: html }, { label: 'report text', text }])).toEqual([]);
  expect(html).not.toContain('idt:');

  // Chromium prints what the browser's Print would: the print style sheet, the app's chrome left
  // out. page.pdf() needs headless Chromium; the desktop app prints through main (unit/electron).
  if (app.kind !== 'browser') return;
  const pdf = await page.pdf({ format: 'A4', landscape: true });
  const printed = await pdfText(pdf);
  // The PDF holds the report (so the scan below read real text)…
  expect(printed).toContain('Audit report one');
  expect(printed).toContain(first.id);
  // …but not the app around it, and no value.
  expect(printed).not.toContain('Print…');
  expect(printed).not.toContain('API tokens');
  expect(findSecrets(secrets, [{ label: 'report PDF', text: printed }])).toEqual([]);
  expect(printed).not.toContain('idt:');
});
