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

  describe('an address that is not a Marketplace API says so, on the Environment field', () => {
    const expectNotMarketplace = async (why: RegExp) => {
      const e = await whoAmI({ baseUrl: server.url, token: TOKEN }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DeskError);
      const error = e as DeskError;
      expect(error.code).toBe('not_marketplace');
      expect(error.message).toMatch(/does not answer like a Marketplace API/);
      expect(error.message).toMatch(why);
      expect(error.message).not.toMatch(/rejected this token|id not found/);
      expect(error.fields).toEqual({ baseUrl: [error.message] });
    };

    it('a web page where the token should be (a site that answers every path)', async () => {
      const before = server.requests.length;
      server.handle((_r, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>Welcome</title>');
      });
      await expectNotMarketplace(/web page/);
      // Not a passing fault: asked once, not retried.
      expect(server.requests.length).toBe(before + 1);
    });

    it('a 404 page on the known path', async () => {
      server.handle((_r, res) => {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<h1>Not Found</h1>');
      });
      await expectNotMarketplace(/web page/);
    });

    it('a JSON 404 that is no ProblemDetails (another API)', async () => {
      server.handle((_r, res) => json(res, 404, { message: 'route not found' }));
      await expectNotMarketplace(/does not know the path/);
    });

    it('JSON that is not a token', async () => {
      server.handle((_r, res) => json(res, 200, { hello: 'world' }));
      await expectNotMarketplace(/not an API token/);
    });

    it('a Marketplace 404 (ProblemDetails) still means the token was not found', async () => {
      server.handle((_r, res) => problem(res, 404));
      await expect(whoAmI({ baseUrl: server.url, token: TOKEN })).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/was not found/) });
    });
  });

  it('a malformed value never reaches the network', async () => {
    const before = server.requests.length;
    await expect(whoAmI({ baseUrl: server.url, token: 'nope' })).rejects.toMatchObject({ code: 'validation' });
    expect(server.requests.length).toBe(before);
  });
});
