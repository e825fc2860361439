import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { createMarketplaceClient } from '../../../main/core/api/index';
import { LEGACY_TOKEN_HINT, parseTokenValue, whoAmI } from '../../../main/core/api/whoami';
import { json, problem, sampleToken, startTestServer, TOKEN, type TestServer } from './test-server';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    expect((e as DeskError).code).toBe('validation');
    return (e as DeskError).message;
  }
  throw new Error('expected a DeskError');
}

describe('parseTokenValue', () => {
  it('splits idt:TKN-…:secret and trims whitespace', () => {
    expect(parseTokenValue(`  ${TOKEN}\n`)).toEqual({ tokenId: 'TKN-1234-5678', secret: TOKEN.split(':')[2] });
    expect(parseTokenValue('idt:TKN-1111-1111:secret')).toEqual({ tokenId: 'TKN-1111-1111', secret: 'secret' });
    // A pasted `Bearer ` prefix is accepted everywhere and dropped (common/token-value.ts).
    expect(parseTokenValue(`Bearer ${TOKEN}`)).toEqual({ tokenId: 'TKN-1234-5678', secret: TOKEN.split(':')[2] });
  });

  it('gives a specific reason for each kind of wrong value', () => {
    expect(message(() => parseTokenValue(''))).toMatch(/Paste the API token/);
    expect(message(() => parseTokenValue('   '))).toMatch(/Paste the API token/);
    expect(message(() => parseTokenValue('4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF'))).toBe(LEGACY_TOKEN_HINT);
    expect(message(() => parseTokenValue('a'.repeat(32)))).toBe(LEGACY_TOKEN_HINT);
    expect(message(() => parseTokenValue('TKN-1234-5678'))).toMatch(/token id, not its value/);
    expect(message(() => parseTokenValue('idt:TKN-12-5678:abc'))).toMatch(/not a valid API token value/);
    expect(message(() => parseTokenValue('idt:TKN-1234-5678:'))).toMatch(/not a valid/);
    expect(message(() => parseTokenValue('idt:TKN-1234-5678:ab cd'))).toMatch(/spaces/);
  });
});

describe('whoAmI over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reads the token and its account', async () => {
    server.handle((r, res) => (r.url === '/public/v1/accounts/api-tokens/TKN-1234-5678' ? json(res, 200, sampleToken()) : problem(res, 404)));
    const me = await createMarketplaceClient({ baseUrl: server.url, token: TOKEN, appVersion: '1' }).whoAmI();
    expect(me).toEqual({ tokenId: 'TKN-1234-5678', tokenName: 'Robot', tokenStatus: 'Active', account: { id: 'ACC-1111-2222', name: 'Stark Industries', type: 'Client' } });
  });

  it('401 says the token was rejected', async () => {
    server.handle((_r, res) => {
      res.writeHead(401);
      res.end();
    });
    const e = await whoAmI({ baseUrl: server.url, token: TOKEN }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeskError);
    expect((e as DeskError).code).toBe('unauthorized');
    expect((e as DeskError).message).toBe('The Marketplace rejected this token (it may be disabled, deleted or mistyped).');
  });

  it('a Disabled token says so plainly', async () => {
    server.handle((_r, res) => json(res, 200, sampleToken({ status: 'Disabled' })));
    await expect(whoAmI({ baseUrl: server.url, token: TOKEN })).rejects.toThrow(/is disabled/);
  });

  it('a malformed value never reaches the network', async () => {
    const before = server.requests.length;
    await expect(whoAmI({ baseUrl: server.url, token: 'nope' })).rejects.toMatchObject({ code: 'validation' });
    expect(server.requests.length).toBe(before);
  });
});
