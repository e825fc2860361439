/**
 * The printable report as a PDF in the desktop app: the user picks where (the OS's save
 * dialog, before any work, so a cancel costs nothing), main renders the report's HTML
 * (core/report/html.ts) in a hidden window that runs no script and prints it with Chromium's
 * own `printToPDF`. The HTML goes through a private temporary file rather than a data: URL,
 * because a large account's report is bigger than a URL may be; it holds no secret (the report
 * never does) and is removed when the PDF is written.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { SavedReport } from '../common/report';
import { lockDownNavigation } from './window';

/** Page numbers at the foot of each page; Chromium fills the classes in. */
const FOOTER = '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export async function saveReportPdf(html: string, suggestedName: string): Promise<SavedReport> {
  const options: SaveDialogOptions = {
    title: 'Save the Token Desk report as PDF',
    defaultPath: suggestedName,
    buttonLabel: 'Save PDF',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  const target = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
  const pdf = await renderPdf(html);
  // Written beside the target first and renamed, so a failed write never leaves half a PDF.
  const partial = `${target}.${process.pid}.partial`;
  try {
    await fs.writeFile(partial, pdf, { mode: 0o600 });
    await fs.rename(partial, target);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
  return { saved: true, path: target };
}

async function renderPdf(html: string): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'token-desk-report-'));
  const file = path.join(dir, 'report.html');
  const window = new BrowserWindow({
    show: false,
    // Auxclick off too: a middle click on a link in the report must not open anything.
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    lockDownNavigation(window.webContents);
    await fs.writeFile(file, html, { mode: 0o600 });
    await window.loadFile(file);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      landscape: true,
      printBackground: false,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
    });
  } finally {
    window.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
