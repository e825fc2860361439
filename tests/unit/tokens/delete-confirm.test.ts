/**
 * A 404 on DELETE is confirmed with a GET before the keychain value goes: the value may be the
 * only copy of the token's secret, and a gateway or the wrong connection answers 404 too. Real
 * core services over in-memory ports; the API client is scripted.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ApiToken } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import type { MarketplaceClient } from '../../../main/core/api';
import { createCoreServices, type ActiveSession } from '../../../main/core/services';
import { deleteToken } from '../../../main/core/tokens/lifecycle';
import { MemorySecretStore, MemoryStore, testProfile } from '../core/fakes';

const VALUE = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
const ID = 'TKN-1234-5678';
const profile = testProfile();
const token: ApiToken = { id: ID, name: 'Robot', status: 'Active', account: { id: 'ACC-1111-2222', name: 'Stark', type: 'Client' }, modules: [] };
const notFound = () => new DeskError({ code: 'not_found', status: 404, message: 'Not found.' });

async function setup(get: () => Promise<ApiToken>) {
  const secrets = new MemorySecretStore();
  const services = createCoreServices({ settingsStore: new MemoryStore(), cacheStore: new MemoryStore(), secretStore: secrets, clipboard: { writeText: () => undefined, readText: () => '' } });
  await secrets.set(`token:${profile.id}:${ID}`, VALUE);
  const client = { tokens: { delete: vi.fn(async () => Promise.reject(notFound())), get: vi.fn(get) } } as unknown as MarketplaceClient;
  const session: ActiveSession = { profile, client };
  const stored = () => secrets.get(`token:${profile.id}:${ID}`);
  return { services, session, client, stored };
}

describe('a 404 on DELETE', () => {
  it('confirmed by a 404 on GET: someone deleted it first, the value goes', async () => {
    const { services, session, client, stored } = await setup(async () => Promise.reject(notFound()));
    expect(await deleteToken(services, ID, session)).toEqual({ id: ID, valueRemoved: true, alreadyGone: true });
    expect(client.tokens.get).toHaveBeenCalledWith(ID);
    expect(await stored()).toBeNull();
  });

  it('the token still exists: the value stays and the user is told', async () => {
    const { services, session, stored } = await setup(async () => token);
    const error = await deleteToken(services, ID, session).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect((error as Error).message).toBe(`The Marketplace answered "not found" to the delete of ${ID}, but it still exists there. Token Desk kept its stored value and its row. Refresh the list and try again.`);
    expect(await stored()).toBe(VALUE);
  });

  it.each([
    ['offline', new DeskError({ code: 'offline', message: 'The Marketplace cannot be reached.' })],
    ['unauthorized', new DeskError({ code: 'unauthorized', status: 401, message: 'The token was refused.' })],
    ['server', new DeskError({ code: 'server', status: 502, message: 'Bad gateway.' })],
  ])('the check gets no clear answer (%s): the value stays', async (code, failure) => {
    const { services, session, stored } = await setup(async () => Promise.reject(failure));
    const error = await deleteToken(services, ID, session).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain('Token Desk kept its stored value');
    expect(await stored()).toBe(VALUE);
  });
});
