/** The value access log: recorded by the one copy/reveal path, capped, filterable, never a value. */
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionProfile } from '../../../common/contract';
import { ACCESS_LOG_MAX } from '../../../common/quick-access';
import type { AccessEntry } from '../../../common/quick-access';
import { AccessLog } from '../../../main/core/access-log';
import { createDispatch } from '../../../main/core/dispatch';
import type { HandlerContext, HandlerTable } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { quickCopyOf, quickList } from '../../../main/core/quick/list';
import { createCoreServices } from '../../../main/core/services';
import { copyValue, revealValue } from '../../../main/core/tokens/values';
import { MemorySecretStore, MemoryStore, testProfile } from '../core/fakes';

const VALUE = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
const OTHER = 'idt:TKN-9999-0000:zzzFq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

const profile = (id: string, name: string, extra: Partial<ConnectionProfile> = {}): ConnectionProfile => testProfile({ id, name, ...extra });

const entry = (i: number): AccessEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  connectionId: 'c',
  connectionName: 'C',
  tokenId: `TKN-0000-${String(i % 10000).padStart(4, '0')}`,
  tokenName: `token ${i}`,
  source: 'table',
  action: i % 2 ? 'copy' : 'reveal',
});

describe('AccessLog', () => {
  it(`keeps the newest ${ACCESS_LOG_MAX} entries, newest first`, () => {
    const store = new MemoryStore();
    const raw = Array.from({ length: ACCESS_LOG_MAX }, (_, i) => entry(ACCESS_LOG_MAX - 1 - i));
    store.set('access.log', raw);
    const log = new AccessLog(store);
    log.record(entry(ACCESS_LOG_MAX));
    const all = log.all();
    expect(all).toHaveLength(ACCESS_LOG_MAX);
    expect(all[0]!.tokenName).toBe(`token ${ACCESS_LOG_MAX}`);
    expect(all.at(-1)!.tokenName).toBe('token 1'); // token 0, the oldest, fell off
  });

  it('filters by token, action and text; skips entries that do not parse', () => {
    const store = new MemoryStore();
    store.set('access.log', [entry(3), { junk: true }, entry(2), entry(1)]);
    const log = new AccessLog(store);
    expect(log.all()).toHaveLength(3);
    expect(log.list({ action: 'copy' }).map((e) => e.tokenName)).toEqual(['token 3', 'token 1']);
    expect(log.list({ tokenId: 'TKN-0000-0002' })).toHaveLength(1);
    expect(log.list({ text: 'TOKEN 2' })).toHaveLength(1);
    expect(log.list({ limit: 2 })).toHaveLength(2);
  });

  it('filters by a date range, both bounds inclusive, whatever offset the bounds carry', () => {
    const store = new MemoryStore();
    store.set('access.log', [entry(3), entry(2), entry(1)]);
    const log = new AccessLog(store);
    const at = (i: number) => entry(i).at;
    expect(log.list({ from: at(2) }).map((e) => e.tokenName)).toEqual(['token 3', 'token 2']);
    expect(log.list({ to: at(2) }).map((e) => e.tokenName)).toEqual(['token 2', 'token 1']);
    expect(log.list({ from: at(2), to: at(2) }).map((e) => e.tokenName)).toEqual(['token 2']);
    // 01:00:02 at +01:00 is 00:00:02 UTC: entry 2.
    expect(log.list({ from: '2026-01-01T01:00:02+01:00', to: '2026-01-01T01:00:02+01:00' })).toHaveLength(1);
    expect(log.list({ from: at(3), to: at(1) })).toEqual([]);
  });

  it('the bridge refuses a date bound that is no ISO time, in words', async () => {
    const dispatch = createDispatch({ 'accessLog.list': async () => ({ entries: [] }) } as unknown as HandlerTable);
    const result = await dispatch('accessLog.list', { from: 'yesterday' }, { host: 'browser', emit: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: 'From date is not valid.' } });
  });
});

describe('copies and reveals are logged, across connections, never with the value', () => {
  function setup() {
    const settings = new MemoryStore();
    settings.set('connections', [profile('conn-1', 'Production'), profile('conn-2', 'Sandbox', { sandbox: true, account: { id: 'ACC-2', name: 'V', type: 'Vendor' } })]);
    settings.set('activeConnectionId', 'conn-1');
    const secrets = new MemorySecretStore();
    let text = '';
    const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: secrets, clipboard: { writeText: (t) => void (text = t), readText: () => text } });
    return { services, settings, secrets, clipboard: () => text };
  }

  it('values.copy / values.reveal and Quick Access write entries; the store never holds the value', async () => {
    const { services, settings, secrets, clipboard } = setup();
    await secrets.set('token:conn-1:TKN-1234-5678', VALUE);
    await secrets.set('token:conn-2:TKN-9999-0000', OTHER);
    await copyValue(services, 'TKN-1234-5678', 'window');
    await revealValue(services, 'TKN-1234-5678', 'window');
    const copied = await quickCopyOf(services, 'conn-2', 'TKN-9999-0000', 'quick');
    expect(clipboard()).toBe(OTHER);
    expect(copied.message).toBe('Copied TKN-9999-0000 — clipboard clears in 30 s');
    const log = services.accessLog.list();
    expect(log.map((e) => [e.connectionName, e.tokenId, e.source, e.action])).toEqual([
      ['Sandbox', 'TKN-9999-0000', 'quick', 'copy'],
      ['Production', 'TKN-1234-5678', 'window', 'reveal'],
      ['Production', 'TKN-1234-5678', 'window', 'copy'],
    ]);
    expect(JSON.stringify(settings.get('access.log'))).not.toContain('idt:');
  });

  it('a failed copy is not logged; an unknown connection is refused', async () => {
    const { services } = setup();
    await expect(copyValue(services, 'TKN-1234-5678', 'window')).rejects.toThrow(/No value/);
    await expect(quickCopyOf(services, 'gone', 'TKN-1234-5678', 'quick')).rejects.toThrow(/no longer saved/);
    expect(services.accessLog.all()).toEqual([]);
  });

  it('an entry a page named its own way (a finer view) still reads back', () => {
    const store = new MemoryStore();
    store.set('access.log', [{ ...entry(1), source: 'wizard' }]);
    expect(new AccessLog(store).all().map((e) => e.source)).toEqual(['wizard']);
  });

  it('quick.list groups every connection’s stored values (active first, Sandbox labelled) and the recent copies', async () => {
    const { services, secrets } = setup();
    await secrets.set('token:conn-1:TKN-1234-5678', VALUE);
    await secrets.set('token:conn-2:TKN-9999-0000', OTHER);
    await quickCopyOf(services, 'conn-2', 'TKN-9999-0000', 'tray');
    const list = await quickList(services);
    expect(list.groups.map((g) => [g.connectionName, g.environment, g.accountType, g.active, g.tokens.map((t) => t.id)])).toEqual([
      ['Production', 'api.platform.softwareone.com', 'Client', true, ['TKN-1234-5678']],
      ['Sandbox', 'Sandbox', 'Vendor', false, ['TKN-9999-0000']],
    ]);
    expect(list.recent).toEqual([{ connectionId: 'conn-2', tokenId: 'TKN-9999-0000', tokenName: 'TKN-9999-0000' }]);
  });

  it('another connection’s values are named from the facts remembered with its list, without reading the list again', async () => {
    const { services, secrets } = setup();
    await secrets.set('token:conn-2:TKN-9999-0000', OTHER);
    const other = { id: 'TKN-9999-0000', name: 'Vendor sync', status: 'Disabled', account: { id: 'ACC-2' }, modules: [] } as never;
    services.cache.putTokens('conn-2', [other, { id: 'TKN-9999-0001', name: 'Else', status: 'Active', account: { id: 'ACC-2' }, modules: [] } as never]);
    const first = await quickList(services); // nothing remembered yet: read from the list once, then remembered
    expect(first.groups[0]!.tokens).toEqual([{ id: 'TKN-9999-0000', name: 'Vendor sync', status: 'Disabled' }]);
    const readList = vi.spyOn(services.cache, 'tokenFacts');
    const again = await quickList(services);
    expect(again.groups[0]!.tokens).toEqual([{ id: 'TKN-9999-0000', name: 'Vendor sync', status: 'Disabled' }]);
    expect(readList).not.toHaveBeenCalledWith('conn-2', expect.anything());
    // A change written over the row (an action's answer) updates what is remembered.
    services.cache.changeTokens('conn-2', [{ ...(other as object), name: 'Vendor sync v2' } as never], []);
    readList.mockClear();
    expect((await quickList(services)).groups[0]!.tokens[0]!.name).toBe('Vendor sync v2');
    expect(readList).not.toHaveBeenCalledWith('conn-2', expect.anything());
  });
});

describe('the source is decided in main, from the calling window and the channel', () => {
  async function setup() {
    const settings = new MemoryStore();
    settings.set('connections', [profile('conn-1', 'Production')]);
    settings.set('activeConnectionId', 'conn-1');
    const secrets = new MemorySecretStore();
    await secrets.set('token:conn-1:TKN-1234-5678', VALUE);
    let text = '';
    const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: secrets, clipboard: { writeText: (t) => void (text = t), readText: () => text } });
    const dispatch = createDispatch(createHandlerTable(services));
    const sources = () => services.accessLog.all().map((e) => [e.source, e.action]);
    return { services, dispatch, sources };
  }
  const ctx = (host: HandlerContext['host'], window?: HandlerContext['window']): HandlerContext => ({ host, ...(window ? { window } : {}), emit: () => undefined });

  it('Electron: the window that called names the source, whatever the channel', async () => {
    const { dispatch, sources } = await setup();
    expect((await dispatch('values.copy', { id: 'TKN-1234-5678', connectionId: 'conn-1' }, ctx('electron', 'main'))).ok).toBe(true);
    expect((await dispatch('values.reveal', { id: 'TKN-1234-5678', connectionId: 'conn-1' }, ctx('electron', 'quick'))).ok).toBe(true);
    expect((await dispatch('quick.copy', { connectionId: 'conn-1', id: 'TKN-1234-5678' }, ctx('electron', 'main'))).ok).toBe(true);
    expect((await dispatch('quick.copy', { connectionId: 'conn-1', id: 'TKN-1234-5678' }, ctx('electron', 'quick'))).ok).toBe(true);
    expect(sources()).toEqual([
      ['quick', 'copy'],
      ['window', 'copy'],
      ['quick', 'reveal'],
      ['window', 'copy'],
    ]);
  });

  it('the browser host (pages it cannot tell apart): the channel names it', async () => {
    const { dispatch, sources } = await setup();
    await dispatch('values.copy', { id: 'TKN-1234-5678', connectionId: 'conn-1' }, ctx('browser'));
    await dispatch('quick.copy', { connectionId: 'conn-1', id: 'TKN-1234-5678' }, ctx('browser'));
    expect(sources()).toEqual([
      ['quick', 'copy'],
      ['window', 'copy'],
    ]);
  });

  it('a source in the call is refused before anything is read, copied or logged', async () => {
    const { dispatch, sources, services } = await setup();
    const copy = vi.spyOn(services.clipboard, 'copySecret');
    for (const [channel, input] of [
      ['values.copy', { id: 'TKN-1234-5678', connectionId: 'conn-1', source: 'tray' }],
      ['values.reveal', { id: 'TKN-1234-5678', connectionId: 'conn-1', source: 'quick' }],
      ['quick.copy', { connectionId: 'conn-1', id: 'TKN-1234-5678', source: 'tray' }],
    ] as const) {
      const result = await dispatch(channel, input, ctx('browser'));
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(copy).not.toHaveBeenCalled();
    expect(sources()).toEqual([]);
  });
});
