import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_SHORTCUT, shortcutSchema } from '../../../common/quick-access';
import { formatAccelerator, keyPlatformOf, recordShortcut } from '../../../common/shortcut';
import type { KeyPress } from '../../../common/shortcut';

const press = (code: string, mods: Partial<Omit<KeyPress, 'code' | 'key'>> = {}, key = code): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyPlatformOf', () => {
  it.each([
    ['darwin', 'mac'],
    ['MacIntel', 'mac'],
    ['macOS', 'mac'],
    ['win32', 'windows'],
    ['Win32', 'windows'],
    ['Windows', 'windows'],
    ['linux', 'linux'],
    ['Linux x86_64', 'linux'],
    ['', 'linux'],
  ] as const)('%s is %s', (platform, expected) => expect(keyPlatformOf(platform)).toBe(expected));
});

describe('formatAccelerator', () => {
  it('writes the default shortcut in each platform’s notation', () => {
    expect(formatAccelerator(DEFAULT_QUICK_SHORTCUT, 'windows')).toBe('Ctrl+Shift+Space');
    expect(formatAccelerator(DEFAULT_QUICK_SHORTCUT, 'linux')).toBe('Ctrl+Shift+Space');
    expect(formatAccelerator(DEFAULT_QUICK_SHORTCUT, 'mac')).toBe('⌘⇧Space');
  });

  it.each([
    ['CmdOrCtrl+Alt+K', 'Ctrl+Alt+K', 'Ctrl+Alt+K', '⌘⌥K'],
    ['Control+Option+t', 'Ctrl+Alt+T', 'Ctrl+Alt+T', '⌃⌥T'],
    ['Super+Shift+Up', 'Super+Shift+Up', 'Win+Shift+Up', '⌘⇧↑'],
    ['Meta+F5', 'Super+F5', 'Win+F5', '⌘F5'],
    ['Alt+Return', 'Alt+Enter', 'Alt+Enter', '⌥↩'],
    ['CommandOrControl+Plus', 'Ctrl+Plus', 'Ctrl+Plus', '⌘+'],
    ['CommandOrControl++', 'Ctrl+Plus', 'Ctrl+Plus', '⌘+'],
    ['Ctrl+Escape', 'Ctrl+Esc', 'Ctrl+Esc', '⌃⎋'],
  ])('%s → %s (Linux), %s (Windows), %s (macOS)', (accelerator, linux, windows, mac) => {
    expect(formatAccelerator(accelerator, 'linux')).toBe(linux);
    expect(formatAccelerator(accelerator, 'windows')).toBe(windows);
    expect(formatAccelerator(accelerator, 'mac')).toBe(mac);
  });

  it('leaves "no shortcut" empty', () => {
    expect(formatAccelerator('', 'mac')).toBe('');
    expect(formatAccelerator('', 'windows')).toBe('');
  });
});

describe('recordShortcut', () => {
  it('Ctrl+Shift+Space on Windows and Linux and ⌘⇧Space on macOS both record the stored default', () => {
    for (const platform of ['windows', 'linux'] as const) {
      expect(recordShortcut(press('Space', { ctrlKey: true, shiftKey: true }, ' '), platform)).toEqual({ kind: 'done', accelerator: DEFAULT_QUICK_SHORTCUT });
    }
    expect(recordShortcut(press('Space', { metaKey: true, shiftKey: true }, ' '), 'mac')).toEqual({ kind: 'done', accelerator: DEFAULT_QUICK_SHORTCUT });
  });

  it('keeps the other modifiers apart: Control on macOS, the Windows/Super key elsewhere', () => {
    expect(recordShortcut(press('KeyK', { ctrlKey: true, altKey: true }, 'k'), 'mac')).toEqual({ kind: 'done', accelerator: 'Control+Alt+K' });
    expect(recordShortcut(press('KeyK', { metaKey: true }, 'k'), 'linux')).toEqual({ kind: 'done', accelerator: 'Super+K' });
    expect(recordShortcut(press('KeyK', { metaKey: true, ctrlKey: true }, 'k'), 'mac')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Control+K' });
  });

  it('reads the physical key, so Shift or the layout does not change it', () => {
    expect(recordShortcut(press('Digit2', { ctrlKey: true, shiftKey: true }, '@'), 'linux')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Shift+2' });
    expect(recordShortcut(press('KeyZ', { ctrlKey: true }, 'y'), 'windows')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+Z' });
    expect(recordShortcut(press('ArrowUp', { altKey: true }, 'ArrowUp'), 'linux')).toEqual({ kind: 'done', accelerator: 'Alt+Up' });
    expect(recordShortcut(press('F12', { ctrlKey: true }), 'windows')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+F12' });
    expect(recordShortcut(press('Slash', { ctrlKey: true }, '/'), 'windows')).toEqual({ kind: 'done', accelerator: 'CommandOrControl+/' });
  });

  it('shows the held modifiers while no key is pressed yet', () => {
    expect(recordShortcut(press('ControlLeft', { ctrlKey: true }, 'Control'), 'windows')).toEqual({ kind: 'pending', shown: 'Ctrl+…' });
    expect(recordShortcut(press('ShiftLeft', { ctrlKey: true, shiftKey: true }, 'Shift'), 'linux')).toEqual({ kind: 'pending', shown: 'Ctrl+Shift+…' });
    expect(recordShortcut(press('MetaLeft', { metaKey: true }, 'Meta'), 'mac')).toEqual({ kind: 'pending', shown: '⌘…' });
  });

  it('refuses a key alone or with Shift alone: it would swallow typing', () => {
    const bare = recordShortcut(press('KeyA', {}, 'a'), 'windows');
    expect(bare).toMatchObject({ kind: 'needs-modifier' });
    expect(recordShortcut(press('KeyA', { shiftKey: true }, 'A'), 'linux')).toMatchObject({ kind: 'needs-modifier', message: expect.stringContaining('Super') });
    expect(recordShortcut(press('KeyA', { shiftKey: true }, 'A'), 'mac')).toMatchObject({ kind: 'needs-modifier', message: expect.stringContaining('⌘') });
  });

  it('refuses keys Electron cannot register', () => {
    expect(recordShortcut(press('Numpad5', { ctrlKey: true }, '5'), 'windows')).toMatchObject({ kind: 'unsupported' });
    expect(recordShortcut(press('MediaPlayPause', { ctrlKey: true }, 'MediaPlayPause'), 'linux')).toMatchObject({ kind: 'unsupported' });
  });

  it('records only what the stored form accepts', () => {
    const codes = ['KeyA', 'Digit0', 'F1', 'F24', 'Space', 'Tab', 'Enter', 'Escape', 'ArrowLeft', 'PageDown', 'Minus', 'Backquote', 'Backslash', 'Quote'];
    for (const code of codes) {
      const recorded = recordShortcut(press(code, { ctrlKey: true, altKey: true }), 'linux');
      expect(recorded.kind, code).toBe('done');
      if (recorded.kind === 'done') expect(shortcutSchema.safeParse(recorded.accelerator).success, recorded.accelerator).toBe(true);
    }
  });
});
