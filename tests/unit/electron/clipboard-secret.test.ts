import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from './fake-electron';
import type { FakeElectron } from './fake-electron';

let fake: FakeElectron;
vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));

beforeEach(() => {
  fake = createFakeElectron();
  vi.resetModules();
});

const VALUE = 'idt:TKN-1111-2222:abcdefghijklmnopqrstuvwxyz0123456789';
const os = (name: string) => `electron application/osclipboard;format="${name}"`;

async function copyOn(platform: NodeJS.Platform) {
  const { createElectronClipboard } = await import('../../../main/clipboard-electron');
  await createElectronClipboard(platform).writeText(VALUE);
  expect(fake.clipboard.write).toHaveBeenCalledTimes(1);
  expect(fake.clipboard.writeText).not.toHaveBeenCalled();
  const items = fake.clipboardState.writes[0]!;
  // One write, one item: the text and its markers are committed together (atomic).
  expect(items).toHaveLength(1);
  return items[0]!.items;
}

const bytes = async (blob: unknown) => [...new Uint8Array(await (blob as Blob).arrayBuffer())];

describe('the Electron clipboard marks a copied value as secret, in one write', () => {
  it('Windows: excluded from monitors, clipboard history and cloud clipboard (DWORD 0)', async () => {
    const items = await copyOn('win32');
    expect(Object.keys(items).sort()).toEqual(
      ['text/plain', os('ExcludeClipboardContentFromMonitorProcessing'), os('CanIncludeInClipboardHistory'), os('CanUploadToCloudClipboard')].sort(),
    );
    expect(items['text/plain']).toBe(VALUE);
    expect(await bytes(items[os('CanIncludeInClipboardHistory')])).toEqual([0, 0, 0, 0]);
    expect(await bytes(items[os('CanUploadToCloudClipboard')])).toEqual([0, 0, 0, 0]);
  });

  it('macOS: org.nspasteboard.ConcealedType', async () => {
    const items = await copyOn('darwin');
    expect(Object.keys(items).sort()).toEqual(['text/plain', os('org.nspasteboard.ConcealedType')].sort());
    expect(items['text/plain']).toBe(VALUE);
  });

  it('Linux: x-kde-passwordManagerHint = secret', async () => {
    const items = await copyOn('linux');
    expect(Object.keys(items).sort()).toEqual(['text/plain', os('x-kde-passwordManagerHint')].sort());
    expect(items['text/plain']).toBe(VALUE);
    expect(await (items[os('x-kde-passwordManagerHint')] as Blob).text()).toBe('secret');
  });

  it('reads and clears through Electron (the clear rules in the core compare against this read)', async () => {
    const { createElectronClipboard } = await import('../../../main/clipboard-electron');
    const port = createElectronClipboard('linux');
    await port.writeText(VALUE);
    expect(await port.readText()).toBe(VALUE);
    await port.clear!();
    expect(await port.readText()).toBe('');
  });
});
