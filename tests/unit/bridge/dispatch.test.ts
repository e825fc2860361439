import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES as channels } from '../../../common/channel-names';
import { calls } from '../../../common/contract';
import { createDeskClient } from '../../../common/desk-client';
import { DeskError } from '../../../common/errors';
import { createDispatch } from '../../../main/core/dispatch';
import type { HandlerContext, HandlerTable } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import type { CoreServices } from '../../../main/core/services';
import { createBridge } from '../../../preload/bridge';
import pkg from '../../../package.json';

const ctx: HandlerContext = { host: 'browser', emit: () => undefined };

function tableWithSpy() {
  const spy = vi.fn(async () => ({ name: 'x', version: '1', platform: 'linux', arch: 'x64', hostKind: 'browser' as const, runtime: { node: '20' } }));
  return { spy, table: { ...createHandlerTable({} as CoreServices), 'app.info': spy } as HandlerTable };
}

describe('dispatch validates every input against the contract', () => {
  it('rejects bad input with a validation error and never calls the handler', async () => {
    const { spy, table } = tableWithSpy();
    const result = await createDispatch(table)('app.info', { unexpected: true }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.message).toBe('This request has a field Token Desk does not know.');
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects input that is not an object', async () => {
    const { spy, table } = tableWithSpy();
    const result = await createDispatch(table)('app.info', 'hello', ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses channels the contract does not name', async () => {
    const result = await createDispatch(createHandlerTable({} as CoreServices))('shell.exec', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('turns a thrown DeskError into data and any other error into a generic message without a stack', async () => {
    const table = { ...createHandlerTable({} as CoreServices) } as HandlerTable;
    table['app.info'] = async () => {
      throw new DeskError({ code: 'forbidden', message: 'No.', status: 403 });
    };
    expect(await createDispatch(table)('app.info', {}, ctx)).toEqual({ ok: false, error: { code: 'forbidden', message: 'No.', status: 403 } });
    const errSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    table['app.info'] = async () => {
      throw new Error('secret detail at /home/x');
    };
    const result = await createDispatch(table)('app.info', {}, ctx);
    errSpy.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
  });

  it('serves app.info with the package version and the calling host', async () => {
    const result = await createDispatch(createHandlerTable({} as CoreServices))('app.info', {}, ctx);
    expect(result).toMatchObject({ ok: true, value: { version: pkg.version, hostKind: 'browser', name: 'Token Desk' } });
    if (result.ok) expect(calls['app.info'].output.safeParse(result.value).success).toBe(true);
  });

  it('has a handler for every channel in the contract', () => {
    const table = createHandlerTable({} as CoreServices);
    for (const channel of channels) expect(typeof table[channel]).toBe('function');
    expect(Object.keys(table).sort()).toEqual([...channels].sort());
  });
});

describe('bridge and client', () => {
  it('round-trips a call and rethrows errors as DeskError with code and fields', async () => {
    const dispatch = createDispatch(createHandlerTable({} as CoreServices));
    const bridge = createBridge({ invoke: (c, i) => dispatch(c, i, ctx), subscribe: () => () => undefined });
    const client = createDeskClient(bridge);
    await expect(client.call('app.info')).resolves.toMatchObject({ version: pkg.version });
    const error = await client.call('app.info', { nope: 1 } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('validation');
    expect((error as DeskError).fields).toBeDefined();
  });

  it('refuses unknown channels before they reach the transport, and delivers events to listeners', async () => {
    const invoke = vi.fn();
    let push: ((event: 'app.notice', payload: unknown) => void) | undefined;
    const bridge = createBridge({ invoke, subscribe: (l) => ((push = l), () => undefined) });
    await expect(bridge.invoke('nope' as never, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(invoke).not.toHaveBeenCalled();
    const seen: unknown[] = [];
    const off = bridge.on('app.notice', (p) => seen.push(p));
    push!('app.notice', { level: 'info', message: 'hi' });
    off();
    push!('app.notice', { level: 'info', message: 'again' });
    expect(seen).toEqual([{ level: 'info', message: 'hi' }]);
    expect(() => bridge.on('evil' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
