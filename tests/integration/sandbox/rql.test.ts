import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT, createBody, expectProblem, startFixture, TOKENS, type Fixture } from './helpers';

let f: Fixture;
type Token = { id: string; name: string; status: string; description: string | null; lastAccessAt: string | null; modules: Array<{ id: string }>; audit?: { created: { at: string } } };

beforeAll(async () => {
  f = await startFixture({ tokensPerAccount: 150 });
  // Fixed, known rows to query against.
  for (const [name, description] of [
    ['Robot 1', 'alpha'],
    ['robot 2', null],
    ['ROBOT*star', 'has a literal star'],
    ["O'Brien \"quoted\" (x, y)", 'special chars'],
  ] as const) {
    const res = await f.client('POST', TOKENS, { json: { ...createBody(name), description } });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await f.sb.close();
});

async function all(query: string): Promise<Token[]> {
  const res = await f.client('GET', `${TOKENS}?${query}&limit=100`);
  expect(res.status).toBe(200);
  return res.body.data as Token[];
}

describe('RQL over HTTP', () => {
  it('eq / ne / the prop=value shortcut / several & terms are ANDed', async () => {
    const active = await all('eq(status,Active)');
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((t) => t.status === 'Active')).toBe(true);
    expect((await all('status=Disabled')).every((t) => t.status === 'Disabled')).toBe(true);
    expect((await all('ne(status,Active)')).every((t) => t.status !== 'Active')).toBe(true);
    const both = await all("eq(status,Active)&ilike(name,'robot*')");
    expect(both.map((t) => t.name).sort()).toEqual(['ROBOT*star', 'Robot 1', 'robot 2']);
  });

  it('ilike is case-insensitive, like is case-sensitive, \\* matches a literal star', async () => {
    expect((await all('ilike(name,*robot*)')).length).toBe(3);
    expect((await all('like(name,Robot*)')).map((t) => t.name)).toEqual(['Robot 1']);
    expect((await all('ilike(name,*\\**)')).map((t) => t.name)).toEqual(['ROBOT*star']);
    expect((await all("ilike(name,'robot\\*star')")).map((t) => t.name)).toEqual(['ROBOT*star']);
  });

  it('quoted values with single or double quotes, escapes and percent-encoding', async () => {
    const name = "O'Brien \"quoted\" (x, y)";
    expect((await all(`eq(name,"O'Brien \\"quoted\\" (x, y)")`)).map((t) => t.name)).toEqual([name]);
    expect((await all(`eq(name,'O\\'Brien "quoted" (x, y)')`)).map((t) => t.name)).toEqual([name]);
    expect((await all(`eq(name,${encodeURIComponent(`'O\\'Brien "quoted" (x, y)'`)})`)).map((t) => t.name)).toEqual([name]);
    expect((await all(encodeURIComponent("eq(name,'Robot 1')"))).map((t) => t.name)).toEqual(['Robot 1']);
  });

  it('in / out / and / or / not', async () => {
    const inRes = await all("in(name,('Robot 1','robot 2'))");
    expect(inRes.map((t) => t.name).sort()).toEqual(['Robot 1', 'robot 2']);
    const outRes = await all("and(ilike(name,*robot*),out(name,('Robot 1','robot 2')))");
    expect(outRes.map((t) => t.name)).toEqual(['ROBOT*star']);
    const orRes = await all("or(eq(name,'Robot 1'),eq(name,'robot 2'))");
    expect(orRes).toHaveLength(2);
    const notRes = await all("and(ilike(name,*robot*),not(eq(name,'Robot 1')))");
    expect(notRes.map((t) => t.name).sort()).toEqual(['ROBOT*star', 'robot 2']);
  });

  it('any() over modules and nested paths', async () => {
    const withBilling = await all("any(modules,eq(id,'MOD-1239'))");
    expect(withBilling.length).toBeGreaterThan(0);
    expect(withBilling.every((t) => t.modules.some((m) => m.id === 'MOD-1239'))).toBe(true);
    const nested = await all("eq(modules.id,'MOD-1239')");
    expect(nested.map((t) => t.id)).toEqual(withBilling.map((t) => t.id));
    expect((await all(`eq(account.id,'${f.clientAccount.id}')`)).length).toBe(100);
  });

  it('null() and empty()', async () => {
    const nulls = await all('eq(description,null())');
    expect(nulls.length).toBeGreaterThan(0);
    expect(nulls.every((t) => t.description === null)).toBe(true);
    const neverUsed = await all('eq(lastAccessAt,null())');
    expect(neverUsed.every((t) => t.lastAccessAt === null)).toBe(true);
    const notNull = await all('ne(description,null())');
    expect(notNull.every((t) => t.description !== null)).toBe(true);
    expect((await all('eq(description,empty())')).every((t) => t.description === null || t.description === '')).toBe(true);
  });

  it('dates compare as instants (gt/lt on lastAccessAt and audit.created.at)', async () => {
    const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const stale = await all(`lt(lastAccessAt,${cutoff})`);
    expect(stale.length).toBeGreaterThan(0); // the sample data has tokens unused for > 90 days
    expect(stale.every((t) => t.lastAccessAt !== null && t.lastAccessAt < cutoff)).toBe(true);
    const recent = await all(`ge(audit.created.at,${cutoff})&select=audit`);
    expect(recent.every((t) => (t.audit?.created.at ?? '') >= cutoff)).toBe(true);
  });

  it('order by several keys, ascending and descending', async () => {
    const asc = await all('order=name,-audit.created.at&select=audit');
    const names = asc.map((t) => t.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const desc = await all('order=-audit.created.at&select=audit');
    const dates = desc.map((t) => t.audit?.created.at ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const plus = await all('order=%2Bname');
    expect(plus.map((t) => t.name.toLowerCase())).toEqual(names);
  });

  it('select: audit on demand (reported in $meta.omitted otherwise), -field, -* with +field', async () => {
    const plain = await f.client('GET', `${TOKENS}?limit=2`);
    expect(plain.body.$meta.omitted).toEqual(['audit']);
    const withAudit = await f.client('GET', `${TOKENS}?limit=2&select=audit`);
    expect(withAudit.body.$meta.omitted).toEqual([]);
    expect(withAudit.body.data[0].audit.created.at).toBeTruthy();
    const minus = await f.client('GET', `${TOKENS}?limit=2&select=-description`);
    expect(minus.body.data[0]).not.toHaveProperty('description');
    expect(minus.body.$meta.omitted).toEqual(expect.arrayContaining(['audit', 'description']));
    const only = await f.client('GET', `${TOKENS}?limit=2&select=-*,+id,+name,+modules.id`);
    expect(Object.keys(only.body.data[0]).sort()).toEqual(['id', 'modules', 'name']);
    expect(Object.keys(only.body.data[0].modules[0])).toEqual(['id']);
    const nestedMinus = await f.client('GET', `${TOKENS}?limit=1&select=-account.icon`);
    expect(nestedMinus.body.data[0].account).not.toHaveProperty('icon');
    expect(nestedMinus.body.data[0].account.id).toBe(f.clientAccount.id);
    // The shared cached view is not damaged by a projection
    const again = await f.client('GET', `${TOKENS}?limit=1`);
    expect(again.body.data[0].account).toHaveProperty('icon');
  });

  it('render() is accepted and ignored', async () => {
    const res = await f.client('GET', `${AUDIT}?eq(object.id,'${f.clientAccount.adminTokenId}')&render()`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
  });

  it('limit defaults to 10, is capped at 100; limit=0 gives the count only; offset pages', async () => {
    const def = await f.client('GET', TOKENS);
    expect(def.body.$meta.pagination).toMatchObject({ offset: 0, limit: 10 });
    expect(def.body.data).toHaveLength(10);
    const capped = await f.client('GET', `${TOKENS}?limit=1000`);
    expect(capped.body.$meta.pagination.limit).toBe(100);
    expect(capped.body.data).toHaveLength(100);
    const count = await f.client('GET', `${TOKENS}?limit=0`);
    expect(count.body.data).toEqual([]);
    expect(count.body.$meta.pagination.total).toBe(capped.body.$meta.pagination.total);
    const page2 = await f.client('GET', `${TOKENS}?limit=10&offset=10`);
    expect(page2.body.data.map((t: Token) => t.id)).toEqual(capped.body.data.slice(10, 20).map((t: Token) => t.id));
    const beyond = await f.client('GET', `${TOKENS}?offset=100000`);
    expect(beyond.body.data).toEqual([]);
  });

  it('bad RQL and unknown fields are 400 with an errors map keyed by the expression', async () => {
    const unknown = await f.client('GET', `${TOKENS}?eq(mistake,1)`);
    expectProblem(unknown, 400);
    expect(unknown.body.errors).toEqual({ 'eq(mistake,1)': ['Unknown expression group.'] });
    for (const q of ['rql=eq(status,Active)', 'eq(status', 'foo(status,1)', 'order=nope', 'select=+secret', 'limit=-1', 'limit=abc', "eq(name,'open", 'eq(status,Active))', 'any(name,eq(id,1))']) {
      const res = await f.client('GET', `${TOKENS}?${q}`);
      expectProblem(res, 400);
      expect(Object.values(res.body.errors as Record<string, string[]>)[0]?.[0]).toEqual(expect.any(String));
    }
  });

  it('audit records: eq(object.id,…) with order=-timestamp', async () => {
    const id = f.clientAccount.adminTokenId;
    const res = await f.client('GET', `${AUDIT}?eq(object.id,'${id}')&order=-timestamp`);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((r: { object: { id: string } }) => r.object.id === id)).toBe(true);
    const stamps = res.body.data.map((r: { timestamp: string }) => r.timestamp);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('a standard URL encoder’s query is read as the real API reads it (render%28%29=, %2C in select)', async () => {
    const list = await f.client('GET', `${AUDIT}?limit=1`);
    const id = list.body.data[0].id as string;
    const query = new URLSearchParams([['render()', ''], ['select', 'object,actor']]).toString();
    expect(query).toBe('render%28%29=&select=object%2Cactor');
    const one = await f.client('GET', `${AUDIT}/${id}?${query}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, object: expect.any(Object), actor: expect.any(Object) });
    const filtered = await f.client('GET', `${TOKENS}?${new URLSearchParams([['eq(status,Active)', ''], ['limit', '5']])}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body.data.every((t: Token) => t.status === 'Active')).toBe(true);
  });
});
