/**
 * The desktop services beside CoreServices (desktop settings, value access log), one set per
 * CoreServices, built on first use from its settings store. Building them applies the clear
 * delay setting to the clipboard service and keeps it applied on every change.
 */
import { AccessLog } from './access-log';
import { DesktopSettingsService } from './desktop-settings';
import type { CoreServices } from './services';

export interface DesktopServices {
  settings: DesktopSettingsService;
  accessLog: AccessLog;
}

const built = new WeakMap<CoreServices, DesktopServices>();

export function desktopServices(services: CoreServices): DesktopServices {
  let desk = built.get(services);
  if (!desk) {
    const settings = new DesktopSettingsService(services.settings);
    services.clipboard.setClearAfterMs(settings.get().clipboardClearMs);
    settings.onChange((next) => services.clipboard.setClearAfterMs(next.clipboardClearMs));
    desk = { settings, accessLog: new AccessLog(services.settings) };
    built.set(services, desk);
  }
  return desk;
}
