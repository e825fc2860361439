import { readAppInfo } from '../app-info';
import type { Handler } from '../dispatch';

export function appHandlers(): { 'app.info': Handler<'app.info'> } {
  return {
    'app.info': async (_input, ctx) => readAppInfo(ctx.host),
  };
}
