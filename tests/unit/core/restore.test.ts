/** Launch-time restore: which failures show the saved data ("offline") and which reach the user as errors. */
import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import type { DeskErrorCode } from '../../../common/errors';
import type { MarketplaceClient } from '../../../main/core/api';
import { restoreConnection, type RestoreServices } from '../../../main/core/connections/restore';

const profile = { id: 'c1', name: 'Stark', sandbox: false } as unknown as ConnectionProfile;

function servicesFailingWith(code: DeskErrorCode): RestoreServices {
  const client = {
    whoAmI: () => Promise.reject(new DeskError({ code, message: `failed: ${code}` })),
  } as unknown as MarketplaceClient;
  return {
    connections: { state: () => ({ connections: [profile], activeId: profile.id }), restore: () => profile },
    clientFor: () => Promise.resolve(client),
    sandbox: () => Promise.reject(new Error('no sandbox here')),
    vault: { setConnectionSecret: () => Promise.resolve() },
  } as unknown as RestoreServices;
}

describe('restoreConnection', () => {
  it('unreachable (offline or timeout), busy or failing server: offline, with the error as the reason', async () => {
    for (const code of ['offline', 'timeout', 'server', 'rate_limited'] as const) {
      const result = await restoreConnection(servicesFailingWith(code));
      expect(result, code).toMatchObject({ status: 'offline', message: `failed: ${code}` });
    }
  });

  it('a rejected credential asks for a new token; anything else is thrown', async () => {
    expect((await restoreConnection(servicesFailingWith('unauthorized'))).status).toBe('needs_token');
    await expect(restoreConnection(servicesFailingWith('validation'))).rejects.toMatchObject({ code: 'validation' });
    await expect(restoreConnection(servicesFailingWith('internal'))).rejects.toMatchObject({ code: 'internal' });
  });
});
