import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMarketplaceClient, rql } from '../../../main/core/api/index';
import { createTokenBody, updateTokenBody } from '../../../main/core/api/tokens';
import { json, sampleToken, startTestServer, TOKEN, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});
const api = () => createMarketplaceClient({ baseUrl: server.url, token: TOKEN, appVersion: '9.9.9', retry: { baseDelayMs: 1 } });

describe('request shapes', () => {
  it('create without a logo posts the documented JSON body', async () => {
    server.handle((_r, res) => json(res, 201, sampleToken({ token: 'idt:TKN-1234-5678:abc' })));
    const created = await api().tokens.create({ name: ' CI ', description: 'd', moduleIds: ['MOD-1756', 'MOD-0478'], accountId: 'ACC-1111-2222' });
    expect(created.token).toBe('idt:TKN-1234-5678:abc');
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/public/v1/accounts/api-tokens');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ account: { id: 'ACC-1111-2222' }, name: 'CI', description: 'd', icon: '', modules: [{ id: 'MOD-1756' }, { id: 'MOD-0478' }] });
  });

  it('create with a logo sends multipart with a JSON part and an icon file part', async () => {
    server.handle((_r, res) => json(res, 201, sampleToken()));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await api().tokens.create({ name: 'Logo', moduleIds: ['MOD-1756'], icon: { fileName: 'logo.png', mimeType: 'image/png', bytes: png } });
    const req = server.requests[0]!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: new Uint8Array(req.body) }).formData();
    const tokenPart = form.get('token') as File;
    expect(JSON.parse(await tokenPart.text())).toEqual({ name: 'Logo', description: null, icon: '', modules: [{ id: 'MOD-1756' }] });
    const icon = form.get('icon') as File;
    expect(icon.name).toBe('logo.png');
    expect(icon.type).toBe('image/png');
    expect(new Uint8Array(await icon.arrayBuffer())).toEqual(png);
  });

  it('create validates input locally', async () => {
    await expect(api().tokens.create({ name: '  ', moduleIds: [] })).rejects.toMatchObject({ code: 'validation', fields: { name: ['Enter a name.'], moduleIds: ['Choose at least one module.'] } });
    expect(server.requests).toHaveLength(0);
  });

  it('update PUTs name, description, modules and revision (no icon)', async () => {
    server.handle((_r, res) => json(res, 200, sampleToken({ revision: 4 })));
    await api().tokens.update('TKN-1234-5678', { name: 'N', description: null, moduleIds: ['MOD-1756'], revision: 3 });
    const req = server.requests[0]!;
    expect(req.method).toBe('PUT');
    expect(JSON.parse(req.body.toString())).toEqual({ name: 'N', description: null, modules: [{ id: 'MOD-1756' }], revision: 3 });
    expect(updateTokenBody({ name: 'a', description: 'b', moduleIds: ['MOD-0001'] })).not.toHaveProperty('revision');
    expect(createTokenBody({ name: 'a', moduleIds: ['MOD-0001'] })).not.toHaveProperty('account');
  });

  it('delete accepts 204; ids are path-encoded', async () => {
    server.handle((_r, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(api().tokens.delete('TKN-1/../x')).resolves.toBeUndefined();
    expect(server.requests[0]!.url).toBe('/public/v1/accounts/api-tokens/TKN-1%2F..%2Fx');
  });

  it('list asks for audit and parses the envelope', async () => {
    server.handle((_r, res) => json(res, 200, { $meta: { pagination: { offset: 20, limit: 10, total: 31 }, omitted: [] }, data: [sampleToken({ extraField: { x: 1 } })] }));
    const page = await api().tokens.list({ filter: rql.eq('status', 'Active'), order: ['-audit.created.at'], limit: 10, offset: 20 });
    expect(server.requests[0]!.url).toBe("/public/v1/accounts/api-tokens?limit=10&offset=20&order=-audit.created.at&select=audit&eq(status,%27Active%27)");
    expect(page).toMatchObject({ total: 31, offset: 20, limit: 10 });
    expect(page.items[0]!.id).toBe('TKN-1234-5678');
    // unknown fields survive parsing
    expect((page.items[0] as Record<string, unknown>).extraField).toEqual({ x: 1 });
  });

  it('an unreadable item is a server error naming the field, not a crash', async () => {
    server.handle((_r, res) => json(res, 200, { $meta: { pagination: { offset: 0, limit: 10, total: 1 } }, data: [sampleToken({ status: 'Exploded' })] }));
    await expect(api().tokens.list()).rejects.toMatchObject({ code: 'server', message: expect.stringMatching(/status/) });
  });

  it('audit lists the records a filter matches, newest first, rendered', async () => {
    server.handle((_r, res) => json(res, 200, { $meta: { pagination: { offset: 0, limit: 100, total: 1 } }, data: [{ id: 'AUD-1', timestamp: '2025-01-01T00:00:00.000Z', object: { id: 'TKN-1234-5678' } }] }));
    const page = await api().audit.listPage(rql.eq('object.id', 'TKN-1234-5678'), { offset: 0, limit: 100 });
    expect(server.requests[0]!.url).toBe("/public/v1/audit/records?limit=100&offset=0&order=-timestamp&eq(object.id,%27TKN-1234-5678%27)&render()");
    expect(page.items).toHaveLength(1);
  });
});

describe('writes after a lost answer', () => {
  const noContent = (res: import('node:http').ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status);
      res.end();
    } else json(res, status, body);
  };

  it('a retried PUT meeting its own new revision (409) returns the edited token', async () => {
    server.handle((r, res, i) => {
      if (i === 0) return void res.socket?.destroy(); // processed, answer lost
      if (r.method === 'PUT') return json(res, 409, { title: 'Conflict', status: 409, detail: 'stale revision' });
      json(res, 200, sampleToken({ name: 'New', description: 'd', revision: 4, modules: [{ id: 'MOD-1756' }] }));
    });
    const t = await api().tokens.update('TKN-1234-5678', { name: 'New', description: 'd', moduleIds: ['MOD-1756'], revision: 3 });
    expect(t.revision).toBe(4);
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'GET']);
  });

  it('a 409 with no lost answer, or a different edit, is still a conflict', async () => {
    server.handle((_r, res) => json(res, 409, { title: 'Conflict', status: 409, detail: 'stale revision' }));
    await expect(api().tokens.update('TKN-1234-5678', { name: 'New', description: 'd', moduleIds: ['MOD-1756'], revision: 3 })).rejects.toMatchObject({ code: 'conflict' });
    server.requests.length = 0;
    server.handle((r, res, i) => {
      if (i === 0) return void res.socket?.destroy();
      if (r.method === 'PUT') return json(res, 409, { status: 409, detail: 'stale' });
      json(res, 200, sampleToken({ name: 'Someone else', revision: 4 }));
    });
    await expect(api().tokens.update('TKN-1234-5678', { name: 'New', description: 'd', moduleIds: ['MOD-1756'], revision: 3 })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a retried DELETE answered 404 after a lost answer is done; a plain 404 is not', async () => {
    server.handle((_r, res, i) => (i === 0 ? void res.socket?.destroy() : noContent(res, 404, { status: 404, detail: 'not found' })));
    await expect(api().tokens.delete('TKN-1234-5678')).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;
    server.handle((_r, res) => noContent(res, 404, { status: 404, detail: 'not found' }));
    await expect(api().tokens.delete('TKN-1234-5678')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('enable refused as "already active" returns the token when it IS active, else fails', async () => {
    server.handle((r, res) => (r.method === 'POST' ? json(res, 400, { status: 400, title: 'The API token is already active' }) : json(res, 200, sampleToken({ status: 'Active' }))));
    expect((await api().tokens.enable('TKN-1234-5678')).status).toBe('Active');
    server.handle((r, res) => (r.method === 'POST' ? json(res, 400, { status: 400, title: 'Cannot enable' }) : json(res, 200, sampleToken({ status: 'Disabled' }))));
    await expect(api().tokens.enable('TKN-1234-5678')).rejects.toMatchObject({ code: 'validation', message: 'Cannot enable' });
  });
});

describe('update with a logo change', () => {
  it('null removes the logo (JSON icon ""), a file replaces it (multipart), absent keeps it', async () => {
    server.handle((_r, res) => json(res, 200, sampleToken()));
    await api().tokens.update('TKN-1234-5678', { name: 'N', description: null, moduleIds: ['MOD-1756'], icon: null });
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ name: 'N', description: null, modules: [{ id: 'MOD-1756' }], icon: '' });

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
    await api().tokens.update('TKN-1234-5678', { name: 'N', description: null, moduleIds: ['MOD-1756'], revision: 2, icon: { fileName: 'l.png', mimeType: 'image/png', bytes: png } });
    const req = server.requests[1]!;
    expect(req.method).toBe('PUT');
    const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: new Uint8Array(req.body) }).formData();
    expect(JSON.parse(await (form.get('token') as File).text())).toEqual({ name: 'N', description: null, modules: [{ id: 'MOD-1756' }], revision: 2 });
    expect(new Uint8Array(await (form.get('icon') as File).arrayBuffer())).toEqual(png);

    await api().tokens.update('TKN-1234-5678', { name: 'N', description: null, moduleIds: ['MOD-1756'] });
    expect(JSON.parse(server.requests[2]!.body.toString())).not.toHaveProperty('icon');
  });
});
