// @vitest-environment jsdom
import { fakeDesk } from '../fake-desk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../../common/quick-access';
import type { DesktopSettings, SettingsView } from '../../../../common/quick-access';
import { ShortcutRecorder } from '../../../../renderer/src/features/settings/ShortcutRecorder';
import { SettingsPage } from '../../../../renderer/src/features/settings/SettingsPage';

afterEach(() => {
  cleanup();
  fakeDesk.reset();
});

describe('the shortcut recorder', () => {
  function setup(value = 'CommandOrControl+Shift+Space', platform: 'mac' | 'windows' | 'linux' = 'windows') {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <>
        <ShortcutRecorder value={value} platform={platform} onChange={onChange} />
        <button type="button">After</button>
      </>,
    );
    return { onChange, user, field: screen.getByRole('textbox', { name: 'Global shortcut' }) as HTMLInputElement };
  }

  it('shows the stored accelerator in the platform’s notation', () => {
    expect(setup().field.value).toBe('Ctrl+Shift+Space');
    cleanup();
    expect(setup(undefined, 'mac').field.value).toBe('⌘⇧Space');
  });

  it('records a shortcut by pressing it and hands on Electron’s form', async () => {
    const { onChange, user, field } = setup('');
    await user.click(field);
    await user.keyboard('{Control>}{Alt>}k{/Alt}{/Control}');
    expect(onChange).toHaveBeenCalledWith('CommandOrControl+Alt+K');
    // Typing never edits the field itself.
    await user.keyboard('abc');
    expect(field.value).toBe('');
  });

  it('on macOS ⌘⇧Space records the default', async () => {
    const { onChange, user, field } = setup('Alt+K', 'mac');
    await user.click(field);
    await user.keyboard('{Meta>}{Shift>}[Space]{/Shift}{/Meta}');
    expect(onChange).toHaveBeenCalledWith('CommandOrControl+Shift+Space');
  });

  it('shows the held modifiers while the key is still to come', async () => {
    const { user, field } = setup();
    await user.click(field);
    await user.keyboard('{Control>}{Shift>}');
    expect(field.value).toBe('Ctrl+Shift+…');
    await user.keyboard('{/Shift}{/Control}');
    expect(field.value).toBe('Ctrl+Shift+Space');
  });

  it('says why a key without a modifier is refused, and saves nothing', async () => {
    const { onChange, user, field } = setup();
    await user.click(field);
    await user.keyboard('{Shift>}a{/Shift}');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Hold Ctrl, Alt or Win/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // Escape drops the refusal; the stored shortcut is unchanged.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.value).toBe('Ctrl+Shift+Space');
  });

  it('does not trap the keyboard: Tab moves on', async () => {
    const { onChange, user, field } = setup();
    await user.click(field);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'No shortcut' }));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('Backspace and "No shortcut" remove it; "Use Ctrl+Shift+Space" brings back the default', async () => {
    const { onChange, user, field } = setup('Alt+K');
    await user.click(field);
    await user.keyboard('{Backspace}');
    expect(onChange).toHaveBeenLastCalledWith('');
    await user.click(screen.getByRole('button', { name: 'No shortcut' }));
    expect(onChange).toHaveBeenLastCalledWith('');
    await user.click(screen.getByRole('button', { name: 'Use Ctrl+Shift+Space' }));
    expect(onChange).toHaveBeenLastCalledWith('CommandOrControl+Shift+Space');
  });
});

describe('Settings', () => {
  function serve(view: Omit<SettingsView, 'settings'> & { settings?: Partial<DesktopSettings> }) {
    let settings: DesktopSettings = { ...DEFAULT_DESKTOP_SETTINGS, ...view.settings };
    fakeDesk.handlers['settings.get'] = () => ({ ...view, settings });
    fakeDesk.handlers['settings.set'] = (patch: Partial<DesktopSettings>) => {
      settings = { ...settings, ...patch };
      return { ...view, settings };
    };
  }

  beforeEach(() => {
    Object.defineProperty(navigator, 'platform', { configurable: true, get: () => 'Linux x86_64' });
  });

  it('in the desktop app: a shortcut recorded is saved as an accelerator and said in the platform’s notation', async () => {
    serve({ shortcut: { registered: true }, secretClipboard: true });
    const user = userEvent.setup();
    render(<SettingsPage />);
    const field = await screen.findByRole('textbox', { name: 'Global shortcut' });
    expect(screen.getByText('Ctrl+Shift+Space opens Quick Access from anywhere. It is also in the tray menu.')).toBeTruthy();
    await user.click(field);
    await user.keyboard('{Control>}{Alt>}q{/Alt}{/Control}');
    await waitFor(() => expect(fakeDesk.calls.some((c) => c.channel === 'settings.set')).toBe(true));
    expect(fakeDesk.calls.find((c) => c.channel === 'settings.set')?.input).toEqual({ quickShortcut: 'CommandOrControl+Alt+Q' });
    expect(await screen.findByText('Ctrl+Alt+Q opens Quick Access from anywhere. It is also in the tray menu.')).toBeTruthy();
    expect(screen.getByText('Shortcut saved.')).toBeTruthy();
    // No save button drawn as a field: the recorder saves what it records.
    expect(screen.queryByRole('button', { name: 'Save shortcut' })).toBeNull();
  });

  it('in the browser host: no field, but why there is no global shortcut and where Quick Access is', async () => {
    serve({ shortcut: null, secretClipboard: false });
    render(<SettingsPage />);
    expect(await screen.findByText(/A browser cannot register global shortcuts/)).toBeTruthy();
    expect(screen.getByText(/open Quick Access at \/quick/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Global shortcut' })).toBeNull();
  });
});
