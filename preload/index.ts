/**
 * Electron preload (sandboxed, context-isolated): exposes `window.desk` over IPC.
 * No Node APIs reach the page; only the contract's channels exist.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, isEventName } from '../common/channel-names';
import type { DeskResult } from '../common/errors';
import { createBridge } from './bridge';

const bridge = createBridge({
  invoke: (channel, input) => ipcRenderer.invoke(ipcChannel(channel), input) as Promise<DeskResult<unknown>>,
  subscribe(listener) {
    const onEvent = (_e: unknown, message: { event?: unknown; payload?: unknown }) => {
      if (isEventName(message?.event)) listener(message.event, message.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, onEvent);
  },
});

contextBridge.exposeInMainWorld('desk', bridge);
