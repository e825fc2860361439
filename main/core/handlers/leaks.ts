/** The leak check's channels (`leaks.*`): thin, each passes the validated input to the LeakChecker (core/leaks/service.ts). */
import { DeskError } from '../../../common/errors';
import type { Handler } from '../dispatch';
import type { LeakChecker } from '../leaks/service';

type LeakChannels = 'leaks.check' | 'leaks.scan' | 'leaks.cancel' | 'leaks.pickFolders' | 'leaks.verify' | 'leaks.disable' | 'leaks.report' | 'leaks.forget';

export interface LeakHandlerServices {
  leaks: LeakChecker;
  /** The host's folder picker (Electron's native dialog); absent in the browser host. */
  pickFolders?: () => Promise<string[]>;
}

export function leakHandlers(services: LeakHandlerServices): { [C in LeakChannels]: Handler<C> } {
  return {
    'leaks.check': ({ text }) => services.leaks.check(text),
    'leaks.scan': ({ folders, rescan }, ctx) => services.leaks.scan(folders, rescan ?? false, (counts) => ctx.emit('leaks.progress', counts)),
    'leaks.cancel': async () => {
      services.leaks.cancel();
      return { ok: true as const };
    },
    'leaks.pickFolders': async () => {
      if (!services.pickFolders) throw new DeskError({ code: 'validation', message: 'This host has no folder picker: type the folder path instead.' });
      return { folders: await services.pickFolders() };
    },
    'leaks.verify': ({ fingerprint }) => services.leaks.verify(fingerprint),
    'leaks.disable': ({ fingerprint }) => services.leaks.disable(fingerprint),
    'leaks.report': ({ format, scope }) => services.leaks.report(format, scope),
    'leaks.forget': async () => {
      services.leaks.forget();
      return { ok: true as const };
    },
  };
}
