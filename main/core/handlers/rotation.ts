/**
 * The rotation channels (`rotation.*`): thin, over the one runner (core/rotation/runner.ts) every
 * window shares. `rotation.create` is for the page's own connection (the guard checked it);
 * `rotation.act` names the plan's connection, which must be a saved one.
 */
import { DeskError } from '../../../common/errors';
import type { Handler } from '../dispatch';
import type { RotationRunner } from '../rotation/runner';
import type { Sessions } from '../session';
import { rotateToken, type RotateServices } from '../rotation/rotate';

type RotationChannels = 'rotation.create' | 'rotation.rotate' | 'rotation.list' | 'rotation.act' | 'rotation.reports';

export type RotationServices = Sessions &
  RotateServices & {
    rotation: Pick<RotationRunner, 'create' | 'list' | 'userAction' | 'takeReports'>;
    connections: { list(): { id: string }[] };
  };

export function rotationHandlers(services: RotationServices): { [C in RotationChannels]: Handler<C> } {
  return {
    async 'rotation.create'(input) {
      const { profile } = await services.session();
      return services.rotation.create({ connectionId: profile.id, oldId: input.oldId, newId: input.newId, oldName: input.oldName, retire: input.retire, action: input.action });
    },
    'rotation.rotate': (input) => rotateToken(services, { oldId: input.oldId, name: input.name, retire: input.retire, action: input.action }),
    async 'rotation.list'() {
      return { plans: await services.rotation.list() };
    },
    async 'rotation.act'(input) {
      if (!services.connections.list().some((c) => c.id === input.connectionId)) {
        throw new DeskError({ code: 'not_found', message: 'This plan’s connection is no longer saved in Token Desk.', fields: { connectionId: ['Not a saved connection.'] } });
      }
      return services.rotation.userAction(input.connectionId, input.planId, input.action);
    },
    async 'rotation.reports'() {
      return { messages: await services.rotation.takeReports() };
    },
  };
}
