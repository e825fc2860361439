import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, expectProblem, startFixture, TOKENS, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ tokensPerAccount: 3 });
});
afterAll(async () => {
  await f.sb.close();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082', 'hex');

function form(parts: Array<[string, Blob | string, string?]>): FormData {
  const fd = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') fd.append(name, value);
    else fd.append(name, value, filename);
  }
  return fd;
}

describe('multipart create with icon', () => {
  it('creates from a JSON part + PNG icon part and serves the icon at the returned path', async () => {
    const fd = form([
      ['token', new Blob([JSON.stringify(createBody('With logo'))], { type: 'application/json' }), 'token.json'],
      ['icon', new Blob([PNG], { type: 'image/png' }), 'logo.png'],
    ]);
    const res = await f.client('POST', TOKENS, { body: fd });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('With logo');
    expect(res.body.icon).toBe(`/v1/accounts/api-tokens/${res.body.id}/icon`);
    expect(res.body.token).toMatch(/^idt:TKN-/);
    const icon = await fetch(`${f.sb.url}${res.body.icon}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await icon.arrayBuffer()).equals(PNG)).toBe(true);
    const underPublic = await fetch(`${f.sb.url}/public${res.body.icon}`);
    expect(underPublic.status).toBe(200);
  });

  it('accepts a JSON part without a filename (plain field named body)', async () => {
    const res = await f.client('POST', TOKENS, { body: form([['body', JSON.stringify(createBody('Plain field'))]]) });
    expect(res.status).toBe(201);
    expect(res.body.icon).toBe('');
  });

  it('rejects a non-image icon, an icon over 1 MB and a form without JSON', async () => {
    const notImage = await f.client('POST', TOKENS, {
      body: form([
        ['token', JSON.stringify(createBody('Bad icon'))],
        ['icon', new Blob(['GIF89a...'], { type: 'image/png' }), 'fake.png'],
      ]),
    });
    expectProblem(notImage, 400);
    expect(notImage.body.errors).toHaveProperty('icon');
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const tooBig = await f.client('POST', TOKENS, {
      body: form([
        ['token', JSON.stringify(createBody('Big icon'))],
        ['icon', new Blob([big], { type: 'image/png' }), 'big.png'],
      ]),
    });
    expectProblem(tooBig, 400);
    expect(tooBig.body.errors.icon[0]).toContain('1048576');
    const noJson = await f.client('POST', TOKENS, { body: form([['icon', new Blob([PNG], { type: 'image/png' }), 'a.png']]) });
    expectProblem(noJson, 400);
  });

  it('PUT accepts multipart too and replaces the icon', async () => {
    const created = await f.client('POST', TOKENS, { json: createBody('Iconless') });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const res = await f.client('PUT', `${TOKENS}/${created.body.id}`, {
      body: form([
        ['token', JSON.stringify({ name: 'Now with icon' })],
        ['icon', new Blob([jpeg], { type: 'image/jpeg' }), 'a.jpg'],
      ]),
    });
    expect(res.status).toBe(200);
    expect(res.body.icon).toBe(`/v1/accounts/api-tokens/${created.body.id}/icon`);
    const icon = await fetch(`${f.sb.url}${res.body.icon}`);
    expect(icon.headers.get('content-type')).toBe('image/jpeg');
  });

  it('an unknown icon is a 404', async () => {
    const res = await fetch(`${f.sb.url}/v1/accounts/api-tokens/TKN-0000-0000/icon`);
    expect(res.status).toBe(404);
  });
});

describe('routing', () => {
  it('unknown route → 404 ProblemDetails (even unauthenticated)', async () => {
    expectProblem(await f.anon('GET', '/public/v1/nope'), 404);
    expectProblem(await f.client('GET', '/public/v1/accounts/api-tokens/TKN-1111-1111/rotate'), 404);
  });

  it('wrong method → 405 with Allow', async () => {
    const patch = await f.client('PATCH', `${TOKENS}/${f.clientAccount.adminTokenId}`, { json: { name: 'x' } });
    expectProblem(patch, 405);
    expect(patch.headers.get('allow')).toBe('DELETE, GET, PUT');
    expectProblem(await f.client('DELETE', TOKENS), 405);
    expectProblem(await f.client('GET', `${TOKENS}/${f.clientAccount.adminTokenId}/enable`), 405);
  });

  it('a trailing slash is tolerated', async () => {
    expect((await f.client('GET', `${TOKENS}/?limit=1`)).status).toBe(200);
  });
});
