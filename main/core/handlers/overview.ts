/** The Overview's channel (`overview.get`): thin, over the OverviewService (core/overview/service.ts). */
import type { Handler } from '../dispatch';
import type { OverviewService } from '../overview/service';

export function overviewHandlers(services: { overview: Pick<OverviewService, 'get'> }): { 'overview.get': Handler<'overview.get'> } {
  return {
    'overview.get': ({ scope, timeZone }) => services.overview.get(scope, timeZone),
  };
}
