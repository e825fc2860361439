/** The desktop settings channels (`settings.*`), with whether the shortcut registered. */
import type { Handler } from '../dispatch';
import type { DesktopSettingsService } from '../desktop-settings';

type SettingsChannels = 'settings.get' | 'settings.set';

export function settingsHandlers(services: { desktopSettings: DesktopSettingsService }): { [C in SettingsChannels]: Handler<C> } {
  const view = (host: 'electron' | 'browser') => {
    const { desktopSettings } = services;
    // Only Electron can mark a copied value as secret to the OS clipboard history.
    return { settings: desktopSettings.get(), shortcut: desktopSettings.shortcutStatus(), secretClipboard: host === 'electron' };
  };
  return {
    'settings.get': async (_input, ctx) => view(ctx.host),
    'settings.set': async (patch, ctx) => {
      services.desktopSettings.set(patch);
      return view(ctx.host);
    },
  };
}
