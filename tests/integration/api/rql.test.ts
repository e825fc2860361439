/**
 * RQL through the client against the sandbox: filters, ordering, and names that try to break
 * the quoting (`a,b)`, `O'Brien`, stars, percent signs…) must round-trip exactly.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { contains, endsWith, rql, startsWith } from '../../../main/core/api/index';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { ACCESS_MANAGEMENT, clientFor, MARKETPLACE } from './helpers';

let sb: RunningSandbox;
const names = ["a,b)", "O'Brien", 'star*name', 'back\\slash', '100% & more', 'plus+sign #1', 'quote"double', 'paren(s)', 'Robot Alpha', 'robot beta'];
const made = new Map<string, ApiToken>();

beforeAll(async () => {
  sb = await startSandbox({ seed: 21, tokensPerAccount: 0 });
  const api = clientFor(sb, 'Vendor');
  for (const name of names) made.set(name, await api.tokens.create({ name, moduleIds: name.toLowerCase().startsWith('robot') ? [ACCESS_MANAGEMENT, MARKETPLACE] : [ACCESS_MANAGEMENT] }));
  await api.tokens.disable(made.get('robot beta')!.id);
});
afterAll(() => sb.close());

const api = () => clientFor(sb, 'Vendor');
const idsOf = (items: ApiToken[]) => items.map((t) => t.id).sort();

describe('filters', () => {
  it.each(names)('eq(name, %j) finds exactly that token', async (name) => {
    const page = await api().tokens.list({ filter: rql.eq('name', name) });
    expect(idsOf(page.items)).toEqual([made.get(name)!.id]);
  });

  it.each(names)('ilike(name, contains(%j)) finds it and only names containing the text', async (name) => {
    const page = await api().tokens.list({ filter: rql.ilike('name', contains(name)) });
    expect(page.items.map((t) => t.id)).toContain(made.get(name)!.id);
    for (const t of page.items) expect(t.name.toLowerCase()).toContain(name.toLowerCase());
  });

  it('a literal star is not a wildcard', async () => {
    expect((await api().tokens.list({ filter: rql.ilike('name', 'star*name') })).items.map((t) => t.name)).toEqual(['star*name']);
    expect((await api().tokens.list({ filter: rql.ilike('name', 'star*') })).items).toEqual([]);
    expect((await api().tokens.list({ filter: rql.ilike('name', startsWith('star')) })).items.map((t) => t.name)).toEqual(['star*name']);
  });

  it('ilike is case-insensitive; startsWith/endsWith are anchored', async () => {
    expect((await api().tokens.list({ filter: rql.ilike('name', startsWith('ROBOT')) })).items.map((t) => t.name).sort()).toEqual(['Robot Alpha', 'robot beta']);
    expect((await api().tokens.list({ filter: rql.ilike('name', endsWith('ALPHA')) })).items.map((t) => t.name)).toEqual(['Robot Alpha']);
  });

  it('eq/ne/in/out on status, combined with and/or/not', async () => {
    const robots = rql.ilike('name', startsWith('robot'));
    const q = async (f: ReturnType<typeof rql.eq>) => (await api().tokens.list({ filter: [robots, f] })).items.map((t) => t.name).sort();
    expect(await q(rql.eq('status', 'Disabled'))).toEqual(['robot beta']);
    expect(await q(rql.ne('status', 'Disabled'))).toEqual(['Robot Alpha']);
    expect(await q(rql.in('status', ['Active', 'Disabled']))).toEqual(['Robot Alpha', 'robot beta']);
    expect(await q(rql.out('status', ['Active']))).toEqual(['robot beta']);
    expect(await q(rql.not(rql.eq('status', 'Active')))).toEqual(['robot beta']);
    expect(await q(rql.or(rql.eq('name', 'Robot Alpha'), rql.eq('name', 'robot beta')))).toEqual(['Robot Alpha', 'robot beta']);
    expect(await q(rql.and(rql.eq('status', 'Active'), rql.eq('name', 'robot beta')))).toEqual([]);
  });

  it('any(modules, eq(id, …)) matches on a collection', async () => {
    const page = await api().tokens.list({ filter: rql.any('modules', rql.eq('id', MARKETPLACE)) });
    const found = page.items.map((t) => t.name);
    expect(found).toEqual(expect.arrayContaining(['Robot Alpha', 'robot beta']));
    for (const t of page.items) expect(t.modules.map((m) => m.id)).toContain(MARKETPLACE);
    expect(found).not.toContain('paren(s)');
  });

  it('null() and empty() constants are accepted', async () => {
    const page = await api().tokens.list({ filter: [rql.eq('name', 'Robot Alpha'), rql.eq('description', rql.null())] });
    expect(page.items.map((t) => t.name)).toEqual(['Robot Alpha']);
    expect((await api().tokens.list({ filter: [rql.eq('name', 'Robot Alpha'), rql.ne('description', rql.empty())] })).items).toEqual([]);
  });

  it('date comparisons on audit.created.at', async () => {
    const alpha = made.get('Robot Alpha')!;
    const at = alpha.audit!.created!.at!;
    const page = await api().tokens.list({ filter: [rql.ge('audit.created.at', at), rql.eq('id', alpha.id)] });
    expect(page.items.map((t) => t.id)).toEqual([alpha.id]);
    expect((await api().tokens.list({ filter: [rql.lt('audit.created.at', at), rql.eq('id', alpha.id)] })).items).toEqual([]);
  });
});

describe('ordering', () => {
  it('order=name ascending and descending (case-insensitive), and by creation date', async () => {
    const asc = (await api().tokens.listAll({ order: ['name'] })).map((t) => t.name);
    const desc = (await api().tokens.listAll({ order: ['-name'] })).map((t) => t.name);
    const expected = [...asc].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
    expect(asc).toEqual(expected);
    expect(desc).toEqual([...expected].reverse());
    const byDate = await api().tokens.listAll({ order: ['-audit.created.at'] });
    const times = byDate.map((t) => Date.parse(t.audit!.created!.at!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('property: random names round-trip through eq and ilike', () => {
  it('create a token named s; eq(name,s) finds exactly it; ilike contains(s) finds it', async () => {
    const client = api();
    const alphabet = fc.constantFrom(...'aZ09 ,()\'"*\\%&+#=!~:;?/[]{}<>é€'.split(''));
    const nameArb = fc.string({ unit: alphabet, minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(nameArb, async (s) => {
        const name = `p:${s}`;
        if (seen.has(name)) return; // the same name twice would legitimately match twice
        seen.add(name);
        const t = await client.tokens.create({ name, moduleIds: [ACCESS_MANAGEMENT] });
        const exact = await client.tokens.list({ filter: rql.eq('name', name) });
        expect(exact.items.map((x) => x.id)).toEqual([t.id]);
        const like = await client.tokens.list({ filter: rql.ilike('name', contains(s)), limit: 100 });
        expect(like.items.map((x) => x.id)).toContain(t.id);
        for (const x of like.items) expect(x.name.toLowerCase()).toContain(s.toLowerCase());
      }),
      { numRuns: 60, seed: 4242 },
    );
  });
});
