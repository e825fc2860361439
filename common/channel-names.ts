/**
 * The names of the contract's calls and events (common/contract.ts), without its zod schemas: the
 * bridge scripts only check a name, and building every schema cost the browser host's page ~60 ms
 * before React could start (the /quick page's open time). The compile-time check below fails when
 * this list and the contract differ, so a new call is added to both.
 */
import type { Channel, EventName } from './contract';

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
  'tokens.link',
  'audit.token',
  'audit.account',
  'audit.syncAccount',
  'audit.exportCsv',
  'values.copy',
  'values.forgetUnsaved',
  'values.reveal',
  'quick.list',
  'quick.copy',
  'accessLog.list',
  'settings.get',
  'settings.set',
  'values.add',
] as const;
export const EVENT_NAMES = [
  'tokens.progress',
  'audit.progress',
  'tokens.bulkProgress',
  'app.command',
  'app.notice',
] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
const eventsMatch: Same<(typeof EVENT_NAMES)[number], EventName> = true;
void channelsMatch;
void eventsMatch;

const channels: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channels.has(value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventNames.has(value);
}
