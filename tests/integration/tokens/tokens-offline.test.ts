/**
 * The token handlers once the sandbox is gone: the cached list and audit page answer, writes
 * fail with offline; then every file on disk is searched for a token value. Real handler table,
 * services, conf files and keychain (handlers-setup.ts).
 * Needs a Secret Service; without one the suite is skipped WITH the printed reason:
 *   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --project integration tests/integration/tokens'
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireSecretService } from '../vault/secret-service';
import {
  activeOthers,
  expectNoTokenValueWritten,
  h,
  useTokenHandlers,
} from './handlers-setup';

const available = await requireSecretService('tokens integration');

describe.skipIf(!available)('token handlers: real dispatch, sandbox, keychain and files', () => {
  useTokenHandlers();

  describe('offline (the sandbox is gone)', () => {
    let cachedAt: string;
    let auditTarget: string;
    let auditIds: string[];

    beforeAll(async () => {
      const list = await h.call('tokens.sync');
      cachedAt = list.fetchedAt!;
      auditTarget = activeOthers(list.tokens)[0]!.id;
      auditIds = (await h.call('audit.token', { id: auditTarget, offset: 0, limit: 20, refresh: true })).items.map((r) => r.id);
      await h.sandbox.close();
    });

    it('tokens.sync answers with the cached list and says since when', async () => {
      const list = await h.call('tokens.sync');
      expect(list.offline).toEqual({ since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), reason: 'offline' });
      expect(Date.parse(list.offline!.since)).toBeGreaterThanOrEqual(Date.parse(cachedAt));
      expect(list.fetchedAt).toBe(cachedAt);
      expect(list.tokens).toEqual((await h.call('tokens.cached')).tokens);
      expect(list.tokens.length).toBeGreaterThan(100);
    });

    it('audit.token answers with the cached first page', async () => {
      const page = await h.call('audit.token', { id: auditTarget, offset: 0, limit: 20, refresh: true });
      expect(page.offline?.reason).toBe('offline');
      expect(page.items.map((r) => r.id)).toEqual(auditIds);
      expect(page.items.length).toBeGreaterThan(0);
    });

    it('writes are never queued: enable fails with offline', async () => {
      const error = await h.fail('tokens.enable', { id: auditTarget });
      expect(error.code).toBe('offline');
    });

    it('no token value in any file on disk, nor in any event', () => {
      expectNoTokenValueWritten(1);
    });
  });
});
