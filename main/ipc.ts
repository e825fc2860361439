/**
 * Binds the handler table to ipcMain. Calls from any frame that is not the
 * app's own page are refused before dispatch (a compromised iframe or a
 * navigated-away page must not reach the keychain).
 */
import { ipcMain as electronIpcMain } from 'electron';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, ipcChannel } from '../common/channel-names';
import type { EventName, EventPayload } from '../common/contract';
import type { DeskResult } from '../common/errors';
import type { Dispatch, HandlerContext } from './core/dispatch';
import { isQuickAccessContents } from './quick-access-window';
import { isAppUrl } from './security';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  // Only the top-level frame of the app's own page may call main.
  return frame.parent === null && isAppUrl(frame.url);
}

export function sendEvent<E extends EventName>(contents: WebContents, event: E, payload: EventPayload<E>): void {
  if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, { event, payload });
}

export function bindIpc(ipcMain: IpcMain, dispatch: Dispatch): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(channel), async (event, input): Promise<DeskResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This call did not come from the Token Desk window.' } };
      }
      const ctx: HandlerContext = {
        host: 'electron',
        window: isQuickAccessContents(event.sender) ? 'quick' : 'main',
        emit: (name, payload) => sendEvent(event.sender, name, payload),
      };
      return dispatch(channel, input, ctx);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(channel));
  };
}

/** The app's binding: Electron's own ipcMain (the one place outside the preload that holds it). */
export function bindAppIpc(dispatch: Dispatch): () => void {
  return bindIpc(electronIpcMain, dispatch);
}
