/** The leak check's native folder picker, on the fake `electron` module. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './fake-electron';

let fake: FakeElectron;
vi.mock('electron', async () => (await import('./fake-electron')).electronModuleOf(() => fake));

beforeEach(() => {
  fake = createFakeElectron();
  FakeBrowserWindow.focused = null;
});

describe('pickFolders', () => {
  it('opens the OS dialog for folders (several at once) and answers the chosen paths', async () => {
    const { pickFolders } = await import('../../../main/folder-picker');
    fake.pickState.folders = ['/home/u/project', '/home/u/other'];
    await expect(pickFolders()).resolves.toEqual(['/home/u/project', '/home/u/other']);
    const options = fake.dialog.showOpenDialog.mock.calls[0]![0] as { properties: string[] };
    expect(options.properties).toEqual(expect.arrayContaining(['openDirectory', 'multiSelections']));
  });

  it('attaches to the focused window, and a cancel is an empty list', async () => {
    const { pickFolders } = await import('../../../main/folder-picker');
    const win = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = win;
    await expect(pickFolders()).resolves.toEqual([]);
    expect(fake.dialog.showOpenDialog.mock.calls[0]![0]).toBe(win);
  });
});
