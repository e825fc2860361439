import { describe, expect, it } from 'vitest';
import { assertMatchesSchema, preprocessSchemas, schemaErrors } from './openapi-validator';

const token = {
  id: 'TKN-1234-5678',
  name: 'CI pipeline',
  description: null,
  icon: '',
  status: 'Active',
  revision: 1,
  lastAccessAt: null,
  account: { id: 'ACC-0001-0002', name: 'Stark Industries', icon: null, type: 'Client', status: 'Active' },
  modules: [{ id: 'MOD-1756', name: 'Access Management', description: 'Manage the access to your account' }],
  audit: { created: { at: '2025-04-15T12:34:00.000Z', by: { id: 'USR-1234-1210', name: 'John Smith' } } },
};

describe('openapi-validator', () => {
  it('accepts a v5 ApiToken with revision and nullable fields', () => {
    expect(() => assertMatchesSchema('ApiToken', token)).not.toThrow();
    expect(schemaErrors('ApiToken', { ...token, extensions: [{ id: 'EXT-1' }] })).toEqual([]);
  });

  it('rejects unknown properties (additionalProperties: false is kept)', () => {
    expect(() => assertMatchesSchema('ApiToken', { ...token, secretHash: 'x' })).toThrow(/ApiToken/);
  });

  it('rejects wrong types and null where the spec does not allow null', () => {
    expect(schemaErrors('ApiToken', { ...token, name: null }).length).toBeGreaterThan(0);
    expect(schemaErrors('ApiToken', { ...token, revision: 'one' }).length).toBeGreaterThan(0);
  });

  it('enforces required fields of the embedded account and enum values', () => {
    expect(schemaErrors('ApiToken', { ...token, account: { id: 'ACC-0001-0002' } }).length).toBeGreaterThan(0);
    expect(schemaErrors('ApiToken', { ...token, account: { ...token.account, type: 'Reseller' } }).length).toBeGreaterThan(0);
  });

  it('validates list envelopes and ProblemDetails', () => {
    const list = { $meta: { pagination: { offset: 0, limit: 10, total: 1 }, omitted: ['audit'] }, data: [token] };
    expect(schemaErrors('ApiTokenListResponse', list)).toEqual([]);
    expect(schemaErrors('ApiTokenListResponse', { ...list, extra: 1 }).length).toBeGreaterThan(0);
    expect(schemaErrors('ProblemDetails', { type: 'x', title: 'Bad Request', status: 400, traceId: '00-a-b-00', errors: { a: ['b'] } })).toEqual([]);
    expect(schemaErrors('ProblemDetails', { status: 'bad' }).length).toBeGreaterThan(0);
  });

  it('flattens allOf inheritance and translates nullable', () => {
    const out = preprocessSchemas({
      Base: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false },
      Derived: { type: 'object', allOf: [{ $ref: '#/components/schemas/Base' }], properties: { name: { type: 'string', nullable: true } }, additionalProperties: false },
    });
    expect(out.Derived).toEqual({ type: 'object', properties: { id: { type: 'string' }, name: { type: ['string', 'null'] } }, additionalProperties: false });
  });
});
