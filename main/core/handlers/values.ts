/** The token value channels (`values.*`): copy and reveal in main, add a value, forget an unsaved one. */
import { accessSourceOf } from '../access-log';
import type { Handler } from '../dispatch';
import { addValue, copyValue, forgetUnsavedValue, revealValue, type ValueServices } from '../tokens/values';

type ValueChannels = 'values.copy' | 'values.forgetUnsaved' | 'values.reveal' | 'values.add';

export function valueHandlers(services: ValueServices): { [C in ValueChannels]: Handler<C> } {
  return {
    'values.copy': ({ id }, ctx) => copyValue(services, id, accessSourceOf('values.copy', ctx), (notice) => ctx.emit('app.notice', notice)),
    'values.forgetUnsaved': async ({ id }) => forgetUnsavedValue(services, id),
    'values.reveal': ({ id }, ctx) => revealValue(services, id, accessSourceOf('values.reveal', ctx)),
    'values.add': ({ id, value }) => addValue(services, id, value),
  };
}
