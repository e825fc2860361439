import { describe, expect, it } from 'vitest';
import { codeForStatus, errorFromResponse, extractFieldErrors, normaliseFieldKey } from '../../../main/core/api/errors';

describe('errorFromResponse', () => {
  it('maps statuses to DeskError codes', () => {
    const cases: Array<[number, string]> = [
      [400, 'validation'], [401, 'unauthorized'], [403, 'forbidden'], [404, 'not_found'], [409, 'conflict'],
      [429, 'rate_limited'], [500, 'server'], [502, 'server'], [503, 'server'], [504, 'server'],
    ];
    for (const [status, code] of cases) {
      const e = errorFromResponse({ status, bodyText: '' });
      expect(e.code, `HTTP ${status}`).toBe(code);
      expect(e.status).toBe(status);
      expect(e.message.length).toBeGreaterThan(10);
    }
    expect(codeForStatus(418)).toBe('server');
  });

  it('reads the map form of `errors` into fields, keeping detail and traceId', () => {
    const body = {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'Bad Request', status: 400,
      detail: 'One or more validation errors occurred.', traceId: '00-9e02a91b64ac56904703a3a69ea9101d-56be90a29d0b0b25-00',
      errors: { name: ['Name is required.'], '$.modules': ['At least one module.', 'Unknown module MOD-9999.'], Description: ['Too long.'] },
    };
    const e = errorFromResponse({ status: 400, bodyText: JSON.stringify(body) });
    expect(e.code).toBe('validation');
    expect(e.message).toBe('One or more validation errors occurred.');
    expect(e.traceId).toBe(body.traceId);
    expect(e.fields).toEqual({ name: ['Name is required.'], modules: ['At least one module.', 'Unknown module MOD-9999.'], description: ['Too long.'] });
  });

  it('reads the array form of `errors` keyed by each property', () => {
    const body = {
      title: 'Order update failed', detail: 'External ID is too long', status: 400,
      traceId: '00-00000000000000000000000000000000-000000000000000-00',
      errors: [
        { message: 'External ID is too long', properties: ['externalId'] },
        { message: 'Pick one', properties: ['name', 'modules'] },
        { message: 'General rule broken', properties: [] },
      ],
    };
    const e = errorFromResponse({ status: 400, bodyText: JSON.stringify(body) });
    expect(e.fields).toEqual({ externalId: ['External ID is too long'], name: ['Pick one'], modules: ['Pick one'] });
    // A message with no property is not lost: it joins the main message.
    expect(e.message).toBe('External ID is too long General rule broken');
  });

  it('tolerates non-JSON and empty bodies', () => {
    const html = errorFromResponse({ status: 502, bodyText: '<html><body>Bad gateway</body></html>' });
    expect(html.code).toBe('server');
    expect(html.message).not.toContain('<html>');
    const empty = errorFromResponse({ status: 401, bodyText: '' });
    expect(empty.code).toBe('unauthorized');
    expect(empty.message).toMatch(/rejected/);
    const arr = errorFromResponse({ status: 404, bodyText: '[1,2]' });
    expect(arr.code).toBe('not_found');
    expect(arr.fields).toBeUndefined();
  });

  it('prefers detail, then a specific title, else a human default', () => {
    expect(errorFromResponse({ status: 404, bodyText: JSON.stringify({ title: 'Not Found', detail: 'Entity for given id TKN-0000-0000 not found' }) }).message).toBe(
      'Entity for given id TKN-0000-0000 not found',
    );
    expect(errorFromResponse({ status: 400, bodyText: JSON.stringify({ title: 'Token is already active' }) }).message).toBe('Token is already active');
    expect(errorFromResponse({ status: 403, bodyText: JSON.stringify({ title: 'Forbidden' }) }).message).toMatch(/not allowed/);
  });

  it('uses a trace id header when the body has none', () => {
    expect(errorFromResponse({ status: 500, bodyText: 'oops', headerTraceId: '00-abc-def-00' }).traceId).toBe('00-abc-def-00');
  });

  it('never repeats the bearer token, even when the server echoes it', () => {
    const secret = 'idt:TKN-1234-5678:SECRETSECRETSECRETSECRET';
    const e = errorFromResponse({
      status: 400,
      secret,
      bodyText: JSON.stringify({ detail: `Bad token ${secret}`, errors: { token: [`value ${secret} refused`] } }),
    });
    expect(JSON.stringify(e.toData())).not.toContain(secret);
    expect(e.message).toContain('[redacted]');
  });
});

describe('extractFieldErrors / normaliseFieldKey', () => {
  it('normalises ASP.NET-style keys', () => {
    expect(normaliseFieldKey('$.modules[0].id')).toBe('modules[0].id');
    expect(normaliseFieldKey('Name')).toBe('name');
    expect(normaliseFieldKey('$')).toBe('');
  });
  it('ignores junk entries', () => {
    expect(extractFieldErrors([null, 3, { message: 5, properties: ['x'] }])).toEqual({ general: [] });
    expect(extractFieldErrors({ a: 'single message' })).toEqual({ fields: { a: ['single message'] }, general: [] });
    expect(extractFieldErrors(undefined)).toEqual({ general: [] });
  });
});
