import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, createFakeElectron } from './fake-electron';
import { stepForCommand, stepForInput } from '../../../main/history-navigation';

const fake = createFakeElectron();
vi.mock('electron', () => fake);

const key = (key: string, mods: Partial<{ alt: boolean; control: boolean; meta: boolean; shift: boolean }> = {}) => ({
  type: 'keyDown' as const,
  key,
  alt: false,
  control: false,
  meta: false,
  shift: false,
  ...mods,
});

describe('history gestures', () => {
  it('maps Alt+arrows on Windows and Linux, ⌘[ and ⌘] on macOS, and nothing else', () => {
    expect(stepForInput(key('ArrowLeft', { alt: true }), 'linux')).toBe('back');
    expect(stepForInput(key('ArrowRight', { alt: true }), 'win32')).toBe('forward');
    expect(stepForInput(key('ArrowLeft'), 'linux')).toBeUndefined();
    expect(stepForInput(key('ArrowLeft', { alt: true, control: true }), 'linux')).toBeUndefined();
    expect(stepForInput(key('ArrowLeft', { alt: true, shift: true }), 'linux')).toBeUndefined();
    expect(stepForInput({ ...key('ArrowLeft', { alt: true }), type: 'keyUp' }, 'linux')).toBeUndefined();
    expect(stepForInput(key('[', { meta: true }), 'darwin')).toBe('back');
    expect(stepForInput(key(']', { meta: true }), 'darwin')).toBe('forward');
    expect(stepForInput(key('ArrowLeft', { alt: true }), 'darwin')).toBeUndefined();
    expect(stepForCommand('browser-backward')).toBe('back');
    expect(stepForCommand('browser-forward')).toBe('forward');
    expect(stepForCommand('volume-up')).toBeUndefined();
  });
});

describe('the main window', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances = [];
  });

  it('steps through the page history on Alt+← / Alt+→ and the mouse buttons, keeping the keys from the page', async () => {
    const { wireHistoryNavigation } = await import('../../../main/history-navigation');
    const win = new FakeBrowserWindow({});
    wireHistoryNavigation(win as never, 'linux');
    win.webContents.history = { entries: ['/tokens', '/tokens/TKN-1111-2222', '/audit'], index: 2 };

    expect(win.webContents.fire('before-input-event', key('ArrowLeft', { alt: true }))).toBe(true);
    expect(win.webContents.history.index).toBe(1);
    win.emit('app-command', {}, 'browser-backward');
    expect(win.webContents.history.index).toBe(0);
    // At the first entry there is nowhere to go: the key is left to the page.
    expect(win.webContents.fire('before-input-event', key('ArrowLeft', { alt: true }))).toBe(false);
    win.emit('app-command', {}, 'browser-forward');
    expect(win.webContents.history.index).toBe(1);
    expect(win.webContents.fire('before-input-event', key('ArrowRight', { alt: true }))).toBe(true);
    expect(win.webContents.history.index).toBe(2);
    expect(win.webContents.fire('before-input-event', key('ArrowLeft'))).toBe(false);
    expect(win.webContents.history.index).toBe(2);
  });
});
