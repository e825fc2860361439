/** The app channels (`app.*`): what the app is, and the notice about damaged files moved aside. */
import { readAppInfo } from '../app-info';
import type { Handler } from '../dispatch';
import type { StartupNotices } from '../startup-notices';

type AppChannels = 'app.info' | 'app.startupNotices' | 'app.dismissStartupNotices';

export function appHandlers(services: { startupNotices: Pick<StartupNotices, 'list' | 'dismiss'> }): { [C in AppChannels]: Handler<C> } {
  return {
    'app.info': async (_input, ctx) => readAppInfo(ctx.host),
    'app.startupNotices': async () => ({ notices: services.startupNotices.list() }),
    'app.dismissStartupNotices': async () => {
      services.startupNotices.dismiss();
      return { ok: true as const };
    },
  };
}
