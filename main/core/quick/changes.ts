/**
 * Which successful calls change what the tray shows (stored values, token names and states,
 * connections), so the tray is rebuilt after each of them and not only when a window gains focus.
 */
import type { Channel } from '../../../common/contract';
import type { Dispatch } from '../dispatch';

export const TRAY_CHANGING_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'connections.add',
  'connections.switch',
  'connections.rename',
  'connections.remove',
  'connections.restore',
  'connections.restoreFromKeychain',
  'sandbox.start',
  'tokens.sync',
  'tokens.enable',
  'tokens.disable',
  'tokens.update',
  'tokens.delete',
  'tokens.bulk',
  'tokens.create',
  'values.add',
  // not settings.set: a settings change re-applies the desktop integration, tray included
]);

/** `dispatch`, calling `onChange` after every successful call that changes the tray's content. */
export function notifyingChanges(dispatch: Dispatch, onChange: () => void): Dispatch {
  return async (channel, input, ctx) => {
    const result = await dispatch(channel, input, ctx);
    if (result.ok && TRAY_CHANGING_CHANNELS.has(channel as Channel)) onChange();
    return result;
  };
}
