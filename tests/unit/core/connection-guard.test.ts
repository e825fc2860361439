/**
 * Calls name their connection: every token, value and audit call carries the connection its page
 * shows, and main refuses one for any other connection before its handler runs (nothing read,
 * copied, written or sent). Real core services over in-memory ports.
 */
import { describe, expect, it, vi } from 'vitest';
import { CONNECTION_CALLS } from '../../../common/connection-calls';
import type { ConnectionProfile } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import { guardConnectionCalls } from '../../../main/core/connection-guard';
import { createDispatch } from '../../../main/core/dispatch';
import type { HandlerContext, HandlerTable } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices } from '../../../main/core/services';
import { MemorySecretStore, MemoryStore, testProfile } from './fakes';

const VALUE = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
const ID = 'TKN-1234-5678';

const profile = (id: string, name: string): ConnectionProfile => testProfile({ id, name });

const ctx: HandlerContext = { host: 'browser', emit: () => undefined };

async function setup(active: string | null = 'conn-2') {
  const settings = new MemoryStore();
  settings.set('connections', [profile('conn-1', 'Production'), profile('conn-2', 'Staging')]);
  if (active) settings.set('activeConnectionId', active);
  const secrets = new MemorySecretStore();
  await secrets.set(`token:conn-1:${ID}`, VALUE);
  await secrets.set(`token:conn-2:${ID}`, VALUE);
  let text = '';
  const clipboard = { writeText: (t: string) => void (text = t), readText: () => text };
  const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: secrets, clipboard });
  return { services, secrets, settings, dispatch: createDispatch(createHandlerTable(services)), clipboard: () => text };
}

describe('a call for a connection other than the active one', () => {
  it('is refused as data (code, message naming both, the field) and changes nothing', async () => {
    const { services, secrets, dispatch, clipboard } = await setup('conn-2');
    const before = JSON.stringify([...secrets.entries]);
    for (const [channel, input] of [
      ['values.copy', { id: ID, connectionId: 'conn-1' }],
      ['values.reveal', { id: ID, connectionId: 'conn-1' }],
      ['tokens.delete', { id: ID, connectionId: 'conn-1' }],
      ['tokens.create', { name: 'CI', description: '', moduleIds: ['MOD-1756'], connectionId: 'conn-1' }],
    ] as const) {
      const result = await dispatch(channel, input, ctx);
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'wrong_connection',
          message: 'This page shows “Production”, but Token Desk has switched to “Staging” (in another window or tab): nothing was done. Reload the page to continue with “Staging”.',
          fields: { connectionId: [expect.stringContaining('nothing was done')] },
        },
      });
    }
    expect(clipboard()).toBe('');
    expect(services.accessLog.all()).toEqual([]);
    expect(JSON.stringify([...secrets.entries])).toBe(before);
  });

  it('names a connection that is no longer saved as such', async () => {
    const { dispatch } = await setup('conn-2');
    const result = await dispatch('values.copy', { id: ID, connectionId: 'gone' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong_connection', message: expect.stringMatching(/^This page shows a connection that is no longer saved, but Token Desk has switched to “Staging”/) } });
  });

  it('with no active connection at all: not_connected, nothing done', async () => {
    const { dispatch, clipboard } = await setup(null);
    const result = await dispatch('values.copy', { id: ID, connectionId: 'conn-1' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_connected', fields: { connectionId: [expect.any(String)] } } });
    expect(clipboard()).toBe('');
  });

  it('without a connection id: a validation error on the field', async () => {
    const { dispatch } = await setup('conn-2');
    expect(await dispatch('values.copy', { id: ID }, ctx)).toMatchObject({ ok: false, error: { code: 'validation', fields: { connectionId: [expect.any(String)] } } });
    expect(await dispatch('tokens.modules', {}, ctx)).toMatchObject({ ok: false, error: { code: 'validation', fields: { connectionId: [expect.any(String)] } } });
  });

  it('naming the active connection goes through', async () => {
    const { dispatch, clipboard } = await setup('conn-2');
    expect(await dispatch('values.copy', { id: ID, connectionId: 'conn-2' }, ctx)).toMatchObject({ ok: true });
    expect(clipboard()).toBe(VALUE);
  });
});

describe('guardConnectionCalls', () => {
  it('guards every connection call (the handler never runs) and leaves every other call alone', async () => {
    const ran = vi.fn(async () => ({}));
    const table = Object.fromEntries(Object.keys(createHandlerTable({} as never)).map((c) => [c, ran])) as unknown as HandlerTable;
    const connections = { active: () => profile('conn-2', 'Staging'), get: (id: string) => (id === 'conn-1' ? profile('conn-1', 'Production') : undefined) };
    const guarded = guardConnectionCalls(connections, table) as unknown as Record<string, (input: unknown, c: HandlerContext) => Promise<unknown>>;
    for (const channel of CONNECTION_CALLS) {
      await expect(guarded[channel]!({ connectionId: 'conn-1' }, ctx)).rejects.toSatisfy((e) => DeskError.is(e) && e.code === 'wrong_connection');
    }
    expect(ran).not.toHaveBeenCalled();
    for (const channel of CONNECTION_CALLS) await guarded[channel]!({ connectionId: 'conn-2' }, ctx);
    expect(ran).toHaveBeenCalledTimes(CONNECTION_CALLS.length);
    await guarded['quick.copy']!({ connectionId: 'conn-1' }, ctx);
    expect(ran).toHaveBeenCalledTimes(CONNECTION_CALLS.length + 1);
  });
});
