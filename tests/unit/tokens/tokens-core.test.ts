/** Pure parts of main/core/tokens: progress throttle, views, module derivation, value checks. */
import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { throttleProgress } from '../../../main/core/progress';
import { DEFAULT_MODULE_IDS, deriveModules, tokenModules } from '../../../main/core/tokens/modules-source';
import type { ModulesServices } from '../../../main/core/tokens/modules-source';
import { testProfile } from '../core/fakes';
import { checkValueFor } from '../../../main/core/tokens/values';
import { toView } from '../../../main/core/tokens/views';

const VALUE = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';

function token(over: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 'TKN-1234-5678',
    name: 'Robot',
    status: 'Active',
    account: { id: 'ACC-0000-0001', name: 'Stark', type: 'Client' },
    modules: [{ id: 'MOD-1756', name: 'Access Management' }],
    ...over,
  };
}

describe('throttleProgress', () => {
  it('passes the first report, at most one per interval, and always the final one', () => {
    let t = 0;
    const seen: [number, number][] = [];
    const report = throttleProgress((l, n) => seen.push([l, n]), { intervalMs: 50, now: () => t });
    report(100, 1000); // first: passes
    t = 10;
    report(200, 1000); // too soon
    t = 49;
    report(300, 1000); // too soon
    t = 60;
    report(400, 1000); // passes
    t = 61;
    report(1000, 1000); // final: always passes
    report(1000, 1000); // after the end: nothing
    expect(seen).toEqual([[100, 1000], [400, 1000], [1000, 1000]]);
  });

  it('200 pages in one burst become a handful of events', () => {
    const seen: number[] = [];
    const report = throttleProgress((l) => seen.push(l), { intervalMs: 50, now: () => 0 });
    for (let i = 1; i <= 200; i++) report(i * 50, 10_000);
    expect(seen).toEqual([50, 10_000]);
  });
});

describe('toView', () => {
  const ctx = { valueIds: new Set(['TKN-1234-5678']), replacedBy: new Map([['TKN-1234-5678', 'TKN-9999-0000']]), replaces: new Map<string, string>() };

  it('drops the secret at any depth and adds the local facts', () => {
    const view = toView(token({ token: VALUE, description: `see ${VALUE}`, extra: { token: VALUE } } as Partial<ApiToken>), ctx);
    expect(view).not.toHaveProperty('token');
    expect(JSON.stringify(view)).not.toContain('4l6Fq7jr');
    expect(view).toMatchObject({ id: 'TKN-1234-5678', hasValue: true, replacedBy: 'TKN-9999-0000' });
    expect(view).not.toHaveProperty('replaces');
  });

  it('a token without a stored value has hasValue false', () => {
    expect(toView(token({ id: 'TKN-0000-0001' }), ctx).hasValue).toBe(false);
  });
});

describe('deriveModules', () => {
  it('unions the tokens’ modules with the defaults of the type; names from tokens, else known names', () => {
    const modules = deriveModules(
      [
        { modules: [{ id: 'MOD-0622' }, { id: 'MOD-6615', name: 'Enterprise agreements' }] },
        { modules: [{ id: 'MOD-0622', name: 'Procurement', description: 'Buy' }] },
      ],
      'Client',
    );
    const ids = modules.map((m) => m.id);
    expect(new Set(ids)).toEqual(new Set([...DEFAULT_MODULE_IDS.Client, 'MOD-6615']));
    expect(modules.find((m) => m.id === 'MOD-0622')).toEqual({ id: 'MOD-0622', name: 'Procurement', description: 'Buy' });
    expect(modules.find((m) => m.id === 'MOD-1756')?.name).toBe('Access Management');
    expect(modules.find((m) => m.id === 'MOD-4525')?.name).toBeUndefined(); // not guessed
    // Named ones first, alphabetically.
    const named = modules.filter((m) => m.name).map((m) => m.name!);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b)));
    expect(modules.findIndex((m) => !m.name)).toBe(named.length);
  });

  it('Vendor defaults differ from Client ones', () => {
    const ids = deriveModules([], 'Vendor').map((m) => m.id);
    expect(ids).toContain('MOD-8743');
    expect(ids).not.toContain('MOD-0622');
  });
});

describe('tokenModules: "may be partial" only when it is', () => {
  const services = (sandbox: boolean) =>
    ({
      session: async () => ({ profile: testProfile({ sandbox }), client: { tokens: { listAll: async () => [] }, modules: { listAll: async () => { throw new Error('not asked'); } } } }),
      cache: { getTokens: () => undefined, putTokens: () => ({}), getModules: () => undefined, putModules: () => undefined },
    }) as unknown as ModulesServices;

  it('the in-app sandbox knows its whole catalogue: not partial, whatever the account type', async () => {
    const result = await tokenModules(services(true));
    expect(result).toMatchObject({ source: 'api', partial: false });
    expect(result.modules.map((m) => m.id)).toContain('MOD-6615'); // a paid Client module no default list names
  });

});

describe('checkValueFor', () => {
  it('accepts the value for its own id, trimmed', () => {
    expect(checkValueFor('TKN-1234-5678', `  ${VALUE}\n`)).toBe(VALUE);
  });

  it('refuses another token’s value, naming both ids', () => {
    expect(() => checkValueFor('TKN-0000-0001', VALUE)).toThrow('This value belongs to TKN-1234-5678, not TKN-0000-0001.');
  });

  it('gives the old-format hint and refuses characters outside [A-Za-z0-9]', () => {
    expect(() => checkValueFor('TKN-1234-5678', 'a'.repeat(40))).toThrow(/older token without the idt:TKN-/);
    expect(() => checkValueFor('TKN-1234-5678', 'idt:TKN-1234-5678:abc+def')).toThrow(/not a valid API token value/);
  });

  it('puts the message on the `value` field and never echoes the input', () => {
    try {
      checkValueFor('TKN-1234-5678', 'idt:TKN-1234-5678:abc+SECRETPART');
      expect.unreachable();
    } catch (error) {
      expect(DeskError.is(error) && error.fields?.value?.length).toBeTruthy();
      expect((error as Error).message).not.toContain('SECRETPART');
    }
  });
});
