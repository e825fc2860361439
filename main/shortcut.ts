/**
 * The global Quick Access shortcut. `globalShortcut.register` answers false when the accelerator
 * is taken by another app, or when the desktop does not allow global shortcuts (a Wayland
 * session without the global-shortcuts portal): that is reported (Settings shows it), never
 * swallowed.
 */
import { globalShortcut } from 'electron';
import { formatAccelerator, keyPlatformOf } from '../common/shortcut';
import type { ShortcutStatus } from './core/desktop-settings';

/** Worded in the platform's notation (⌘⇧Space, Ctrl+Shift+Space), as Settings shows the shortcut. */
export function failureMessage(accelerator: string): string {
  return `${formatAccelerator(accelerator, keyPlatformOf(process.platform))} could not be registered: another app may be using it, or this desktop does not allow global shortcuts (e.g. Wayland without the global-shortcuts portal). Choose another shortcut, or open Quick Access from the tray menu.`;
}

export function createQuickShortcut(open: () => void): { apply(accelerator: string): NonNullable<ShortcutStatus>; dispose(): void } {
  let current = '';
  const release = () => {
    if (current) globalShortcut.unregister(current);
    current = '';
  };
  return {
    apply(accelerator) {
      if (accelerator === current && current) return { registered: true };
      release();
      if (!accelerator) return { registered: false, message: 'No shortcut is set: open Quick Access from the tray menu.' };
      let ok = false;
      try {
        ok = globalShortcut.register(accelerator, open);
      } catch {
        ok = false; // an accelerator Electron cannot parse
      }
      if (!ok) return { registered: false, message: failureMessage(accelerator) };
      current = accelerator;
      return { registered: true };
    },
    dispose: release,
  };
}
