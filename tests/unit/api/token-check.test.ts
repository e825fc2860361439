/** The compiled check of the token list's items says what the zod schema says (common/domain.ts apiTokenSchema). */
import { describe, expect, it } from 'vitest';
import { apiTokenSchema } from '../../../common/domain';
import { tokenListItem } from '../../../main/core/api/token-check';

const good = () => ({
  id: 'TKN-1234-5678',
  name: 'Nightly sync',
  description: null,
  icon: null,
  status: 'Active',
  lastAccessAt: '2026-01-02T03:04:05.678Z',
  account: { id: 'ACC-1234-5678', name: 'Stark', type: 'Client', status: 'Active', icon: null },
  modules: [{ id: 'MOD-1756', name: 'Billing', description: null, filters: { a: ['b'] }, settings: { paid: true, type: ['x'] } }],
  audit: { created: { at: '2026-01-01T00:00:00.000Z', by: { id: 'USR-1', name: 'Tony' } }, updated: null },
  revision: 3,
  extensions: null,
  somethingNew: { kept: true },
});

type Case = [string, (t: Record<string, any>) => void];
const cases: Case[] = [
  ['as sent', () => undefined],
  ['no modules', (t) => delete t.modules],
  ['no audit', (t) => delete t.audit],
  ['no id', (t) => delete t.id],
  ['a number for a name', (t) => (t.name = 7)],
  ['an unknown status', (t) => (t.status = 'Paused')],
  ['no account', (t) => delete t.account],
  ['an account without id', (t) => (t.account = { name: 'x' })],
  ['an unknown account type', (t) => (t.account.type = 'Robot')],
  ['a null account type', (t) => (t.account.type = null)],
  ['a module without id', (t) => (t.modules = [{ name: 'x' }])],
  ['modules not a list', (t) => (t.modules = {})],
  ['a fractional revision', (t) => (t.revision = 1.5)],
  ['a null revision', (t) => (t.revision = null)],
  ['a null audit', (t) => (t.audit = null)],
  ['an audit by without id', (t) => (t.audit.created.by = { name: 'x' })],
  ['a number for lastAccessAt', (t) => (t.lastAccessAt = 5)],
  ['an extension without id', (t) => (t.extensions = [{}])],
  ['a module filter that is not a list', (t) => (t.modules[0].filters = { a: 'b' })],
  ['a null token value', (t) => (t.token = null)],
];

describe('tokenListItem (Ajv) against apiTokenSchema (zod)', () => {
  it.each(cases)('%s: the same verdict', (_, change) => {
    const a = good();
    change(a);
    const b = JSON.parse(JSON.stringify(a));
    const zod = apiTokenSchema.safeParse(a);
    const ajv = tokenListItem.safeParse(b);
    expect(ajv.success).toBe(zod.success);
    if (ajv.success && zod.success) expect(ajv.data).toEqual(zod.data);
  });

  it('reads an absent module list as none, keeps unknown fields, and names where a token is wrong', () => {
    const t: Record<string, unknown> = good();
    delete t.modules;
    const read = tokenListItem.safeParse(t);
    expect(read.success && read.data.modules).toEqual([]);
    expect(read.success && (read.data as Record<string, unknown>).somethingNew).toEqual({ kept: true });
    const bad = tokenListItem.safeParse({ ...good(), account: { name: 'x' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.path).toEqual(['account']);
  });
});
