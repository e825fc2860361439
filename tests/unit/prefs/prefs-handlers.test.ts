import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/core/dispatch';
import type { HandlerContext } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import type { CoreServices } from '../../../main/core/services';

function servicesWithMemorySettings() {
  const data = new Map<string, unknown>();
  const settings = { get: (k: string) => data.get(k) as never, set: (k: string, v: unknown) => void data.set(k, v), delete: (k: string) => void data.delete(k), path: ':memory:' };
  return { data, services: { settings } as unknown as CoreServices };
}

const ctx: HandlerContext = { host: 'browser', emit: () => undefined };
const prefs = (text: string) => ({ tokens: { filters: { text, status: 'Disabled' as const, moduleId: '', unused: true, lastAccess: 'older' as const }, sort: { key: 'lastAccess' as const, dir: 'asc' as const } } });

describe('prefs', () => {
  it('round-trips the token table prefs through the settings store', async () => {
    const { services } = servicesWithMemorySettings();
    const dispatch = createDispatch(createHandlerTable(services));
    expect(await dispatch('prefs.get', {}, ctx)).toEqual({ ok: true, value: {} });
    expect(await dispatch('prefs.set', prefs('billing'), ctx)).toEqual({ ok: true, value: { ok: true } });
    expect(await dispatch('prefs.get', {}, ctx)).toEqual({ ok: true, value: prefs('billing') });
  });

  it('reads prefs saved before the last-access filter as "any last access"', async () => {
    const { services, data } = servicesWithMemorySettings();
    const saved = prefs('billing');
    const { lastAccess: _, ...older } = saved.tokens.filters;
    data.set('ui.prefs', { tokens: { ...saved.tokens, filters: older } });
    const result = await createDispatch(createHandlerTable(services))('prefs.get', {}, ctx);
    expect(result).toEqual({ ok: true, value: { tokens: { ...saved.tokens, filters: { ...older, lastAccess: '' } } } });
  });

  it('never writes a pasted token value to the settings file', async () => {
    const { services, data } = servicesWithMemorySettings();
    const dispatch = createDispatch(createHandlerTable(services));
    await dispatch('prefs.set', prefs('idt:TKN-1234-5678:' + 'a'.repeat(64)), ctx);
    expect(JSON.stringify([...data.values()])).not.toContain('idt:TKN');
    expect(await dispatch('prefs.get', {}, ctx)).toMatchObject({ ok: true, value: { tokens: { filters: { text: '', status: 'Disabled' } } } });
  });

  it('refuses prefs of the wrong shape', async () => {
    const { services, data } = servicesWithMemorySettings();
    const result = await createDispatch(createHandlerTable(services))('prefs.set', { tokens: { filters: { text: 1 } } }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(data.size).toBe(0);
  });
});
