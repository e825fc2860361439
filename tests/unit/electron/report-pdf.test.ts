/**
 * The report's PDF in the desktop app, on the fake `electron` module: the save dialog first (a
 * cancel renders nothing), a hidden window that runs no script prints main's HTML, the PDF lands
 * where the user chose and the temporary HTML is gone. And the digest's notification: a click
 * does what the notice asked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './fake-electron';

let fake: FakeElectron;
vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));

let dir: string;
beforeEach(() => {
  fake = createFakeElectron();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.focused = null;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HTML = '<!doctype html><html><body><h1>Token Desk report</h1></body></html>';

describe('saveReportPdf', () => {
  it('asks where first, and a cancel renders nothing', async () => {
    const { saveReportPdf } = await import('../../../main/report-pdf');
    await expect(saveReportPdf(HTML, 'token-desk-report.pdf')).resolves.toEqual({ saved: false });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    const options = fake.dialog.showSaveDialog.mock.calls[0]![0] as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(options.defaultPath).toBe('token-desk-report.pdf');
    expect(options.filters[0]!.extensions).toEqual(['pdf']);
  });

  it('prints the HTML in a hidden window without script and writes the PDF where the user chose', async () => {
    const { saveReportPdf } = await import('../../../main/report-pdf');
    const target = path.join(dir, 'audit');
    fake.saveState.filePath = target;
    const result = await saveReportPdf(HTML, 'x.pdf');
    expect(result).toEqual({ saved: true, path: `${target}.pdf` });

    const [window] = FakeBrowserWindow.instances;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, nodeIntegration: false, contextIsolation: true, disableBlinkFeatures: 'Auxclick' });
    expect(window!.loadedFile!.text).toBe(HTML);
    expect(window!.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', landscape: true }));
    expect(window!.destroyed).toBe(true);
    expect(fs.readFileSync(`${target}.pdf`, 'utf8')).toBe('%PDF-fake');
    // The temporary HTML is removed; nothing partial is left beside the PDF.
    expect(fs.existsSync(window!.loadedFile!.path)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['audit.pdf']);
  });

  it('attaches the dialog to the focused window, and a failed print leaves no file and closes the window', async () => {
    const { saveReportPdf } = await import('../../../main/report-pdf');
    const parent = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = parent;
    fake.saveState.filePath = path.join(dir, 'r.pdf');
    const created = FakeBrowserWindow.onCreated;
    FakeBrowserWindow.onCreated = (window) => {
      created(window);
      window.webContents.pdfOf = () => {
        throw new Error('printing failed');
      };
    };
    await expect(saveReportPdf(HTML, 'r.pdf')).rejects.toThrow('printing failed');
    const hidden = FakeBrowserWindow.instances[1]!;
    expect(fake.dialog.showSaveDialog.mock.calls[0]![0]).toBe(parent);
    expect(hidden.destroyed).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('showTrayNotice', () => {
  it('runs the notice\'s click action when the notification is clicked', async () => {
    const { showTrayNotice } = await import('../../../main/tray');
    const opened = vi.fn();
    showTrayNotice({ level: 'info', title: 'Token Desk: 2 findings need attention', message: '2 tokens unused for 90+ days', onClick: opened });
    expect(fake.notificationState.shown).toEqual([expect.objectContaining({ title: 'Token Desk: 2 findings need attention', body: '2 tokens unused for 90+ days' })]);
    expect(opened).not.toHaveBeenCalled();
    fake.notificationState.clicks[0]!();
    expect(opened).toHaveBeenCalledTimes(1);
  });
});
