/** The desktop settings channels (`settings.*`), with whether the shortcut registered. */
import type { Handler } from '../dispatch';
import { desktopServices } from '../desktop-services';
import type { CoreServices } from '../services';

type SettingsChannels = 'settings.get' | 'settings.set';

export function settingsHandlers(services: CoreServices): { [C in SettingsChannels]: Handler<C> } {
  const view = (host: 'electron' | 'browser') => {
    const desk = desktopServices(services);
    // Only Electron can mark a copied value as secret to the OS clipboard history.
    return { settings: desk.settings.get(), shortcut: desk.settings.shortcutStatus(), secretClipboard: host === 'electron' };
  };
  return {
    'settings.get': async (_input, ctx) => view(ctx.host),
    'settings.set': async (patch, ctx) => {
      desktopServices(services).settings.set(patch);
      return view(ctx.host);
    },
  };
}
