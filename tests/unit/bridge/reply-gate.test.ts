/** dispatch's one gate on the way out: the contract's output schema, then token values masked. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatch, maskDeep } from '../../../main/core/dispatch';
import type { HandlerContext, HandlerTable } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import type { CoreServices } from '../../../main/core/services';
import { REDACTED_TOKEN_VALUE } from '../../../common/token-value';

const VALUE = 'idt:TKN-1234-5678:abcDEF0123456789abcDEF0123456789';
const emitted: unknown[] = [];
const ctx: HandlerContext = { host: 'browser', emit: (event, payload) => void emitted.push({ event, payload }) };

function table(overrides: Partial<Record<keyof HandlerTable, (input: never, ctx: HandlerContext) => Promise<unknown>>>): HandlerTable {
  return { ...createHandlerTable({} as CoreServices), ...overrides } as HandlerTable;
}

const auditPage = (details: string) => ({
  items: [{ id: 'AUD-1', event: 'platform.accounts.apiToken.updated', summary: 'API Token Updated', details, timestamp: '2025-01-01T00:00:00.000Z', token: { id: 'TKN-1234-5678', name: 'CI' }, actor: { id: 'USR-1234-5678', name: 'Ann' }, account: null }],
  offset: 0,
  hasMore: false,
  complete: true,
  fetchedAt: null,
});

afterEach(() => {
  vi.restoreAllMocks();
  emitted.length = 0;
});

describe('replies that do not match the contract', () => {
  it('become an internal error, logged by channel name only, and the value is never sent', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispatch = createDispatch(table({ 'tokens.get': async () => ({ id: 'TKN-1234-5678', secret: VALUE }) }));
    const result = await dispatch('tokens.get', { id: 'TKN-1234-5678', connectionId: 'c1' }, ctx);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('idt:TKN-');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain('tokens.get');
    expect(JSON.stringify(log.mock.calls)).not.toContain('idt:TKN-');
  });

  it('keys the contract does not name are dropped', async () => {
    const dispatch = createDispatch(table({ 'tokens.delete': async () => ({ id: 'TKN-1234-5678', valueRemoved: true, extra: VALUE }) }));
    expect(await dispatch('tokens.delete', { id: 'TKN-1234-5678', connectionId: 'c1' }, ctx)).toEqual({ ok: true, value: { id: 'TKN-1234-5678', valueRemoved: true } });
  });
});

describe('token values in replies', () => {
  it('are masked in a live audit page, like the cached copy', async () => {
    const dispatch = createDispatch(table({ 'audit.token': async () => auditPage(`rotated to ${VALUE}`) }));
    const result = await dispatch('audit.token', { id: 'TKN-1234-5678', connectionId: 'c1' }, ctx);
    expect(result.ok).toBe(true);
    const text = JSON.stringify(result);
    expect(text).not.toContain('idt:TKN-');
    expect(text).toContain(`rotated to ${REDACTED_TOKEN_VALUE}`);
  });

  it('are masked in error messages, field errors and their keys', async () => {
    const dispatch = createDispatch(createHandlerTable({} as CoreServices));
    const result = await dispatch('app.info', { [VALUE]: 1 }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(result)).not.toContain('idt:TKN-');
  });

  it('reach the page only as values.reveal value and tokens.create value', async () => {
    // A valid view (loose schema: an unknown `token` key would pass the parse) carrying values twice.
    const view = { id: 'TKN-1234-5678', name: `named ${VALUE}`, hasValue: true, status: 'Active', account: { id: 'ACC-1' }, token: VALUE };
    const dispatch = createDispatch(
      table({
        'values.reveal': async () => ({ value: VALUE }),
        'tokens.get': async () => view,
      }),
    );
    expect(await dispatch('values.reveal', { id: 'TKN-1234-5678', connectionId: 'c1' }, ctx)).toEqual({ ok: true, value: { value: VALUE } });
    const got = await dispatch('tokens.get', { id: 'TKN-1234-5678', connectionId: 'c1' }, ctx);
    expect(got).toMatchObject({ ok: true, value: { name: `named ${REDACTED_TOKEN_VALUE}` } });
    expect(JSON.stringify(got)).not.toContain('idt:TKN-');
  });

  it('are masked in events, and events the contract does not name are not sent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispatch = createDispatch(
      table({
        'app.info': async (_input, c: HandlerContext) => {
          c.emit('app.notice', { level: 'info', message: `copied ${VALUE}` });
          c.emit('app.notice', { level: 'loud', message: 'x' } as never);
          return { name: 'Token Desk', version: '1', platform: 'linux', arch: 'x64', hostKind: 'browser', runtime: { node: '20' } };
        },
      }),
    );
    await dispatch('app.info', {}, ctx);
    expect(emitted).toEqual([{ event: 'app.notice', payload: { level: 'info', message: `copied ${REDACTED_TOKEN_VALUE}` } }]);
  });

  it('maskDeep keeps a __proto__ key a key and leaves the prototype alone', () => {
    const masked = maskDeep(JSON.parse(`{"__proto__": {"polluted": "${VALUE}"}}`)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(Object.keys(masked)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('inputs', () => {
  it('prefs.set refuses null (a missing input still means "no arguments")', async () => {
    const set = vi.fn(async () => ({ ok: true as const }));
    const dispatch = createDispatch(table({ 'prefs.set': set }));
    expect(await dispatch('prefs.set', null, ctx)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(set).not.toHaveBeenCalled();
    expect(await dispatch('app.info', undefined, ctx)).toMatchObject({ ok: true });
  });
});
