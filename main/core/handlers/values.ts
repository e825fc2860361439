/** The token value channels (`values.*`): copy and reveal in main, add a value, forget an unsaved one. */
import type { Handler } from '../dispatch';
import type { CoreServices } from '../services';
import { addValue, copyValue, forgetUnsavedValue, revealValue } from '../tokens/values';

type ValueChannels = 'values.copy' | 'values.forgetUnsaved' | 'values.reveal' | 'values.add';

export function valueHandlers(services: CoreServices): { [C in ValueChannels]: Handler<C> } {
  return {
    'values.copy': ({ id, source }, ctx) => copyValue(services, id, (notice) => ctx.emit('app.notice', notice), source),
    'values.forgetUnsaved': async ({ id }) => forgetUnsavedValue(services, id),
    'values.reveal': ({ id, source }) => revealValue(services, id, source),
    'values.add': ({ id, value }) => addValue(services, id, value),
  };
}
