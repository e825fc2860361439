/**
 * The ONE list of the contract's call and event names, and the bridge's shape, without zod: the
 * preloads and the bridge scripts only check a name, so they import this table and never build
 * the contract's schemas. common/contract.ts must name exactly these calls and events (it checks
 * itself against this list at compile time), so a new call is added here and there.
 */
import type { DeskResult } from './errors';

/**
 * The calls that act on the active connection's tokens, values or audit data: each names its
 * connection, and main refuses any other (common/connection-calls.ts says why).
 */
export const CONNECTION_CALL_NAMES = [
  'tokens.cached',
  'tokens.sync',
  'tokens.get',
  'tokens.enable',
  'tokens.disable',
  'tokens.update',
  'tokens.delete',
  'tokens.bulk',
  'tokens.modules',
  'tokens.create',
  'tokens.findRecent',
  'values.copy',
  'values.forgetUnsaved',
  'values.reveal',
  'values.add',
  'audit.token',
  'audit.account',
  'audit.syncAccount',
  'audit.exportCsv',
  'rotation.create',
  'rotation.rotate',
] as const;

export const CHANNEL_NAMES = [
  'app.info',
  'prefs.get',
  'prefs.set',
  'app.startupNotices',
  'app.dismissStartupNotices',
  'connections.list',
  'connections.restore',
  'connections.add',
  'connections.switch',
  'connections.rename',
  'connections.reenterToken',
  'connections.remove',
  'connections.recoverable',
  'connections.restoreFromKeychain',
  'sandbox.start',
  ...CONNECTION_CALL_NAMES,
  'quick.list',
  'quick.copy',
  'quick.open',
  'accessLog.list',
  'settings.get',
  'settings.set',
  'rotation.list',
  'rotation.act',
  'rotation.reports',
  'leaks.check',
  'leaks.scan',
  'leaks.cancel',
  'leaks.pickFolders',
  'leaks.verify',
  'leaks.disable',
  'leaks.report',
  'leaks.forget',
  'overview.get',
  'report.get',
  'report.savePdf',
] as const;
export const EVENT_NAMES = [
  'tokens.progress',
  'audit.progress',
  'tokens.bulkProgress',
  'leaks.progress',
  'app.command',
  'app.notice',
  'rotation.changed',
] as const;

export type Channel = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventSet.has(value);
}

/** IPC channel names used by Electron (prefixed so they never clash with Electron's own). */
export const ipcChannel = (channel: Channel) => `desk:${channel}`;
export const IPC_EVENT_CHANNEL = 'desk:event';

/**
 * What a host puts on `window.desk` (Electron: the preload via contextBridge;
 * browser host: the WebSocket bridge script). It returns results as data because
 * contextBridge drops custom properties of thrown errors; `createDeskClient`
 * (common/desk-client.ts) turns them back into thrown DeskErrors.
 */
export interface DeskBridge {
  invoke(channel: Channel, input: unknown): Promise<DeskResult<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}
