/**
 * values.* (add, copy, reveal) and the quick list through the real handler table with real
 * services over a real sandbox, real conf files and the real keychain (handlers-setup.ts). The
 * tests run in order; the last searches every file on disk for a token value.
 * Needs a Secret Service; without one the suite is skipped WITH the printed reason:
 *   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run --project integration tests/integration/tokens'
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenView } from '../../../common/contract';
import type { ApiToken } from '../../../common/domain';
import { quickList } from '../../../main/core/quick/list';
import { requireSecretService } from '../vault/secret-service';
import {
  activeOthers,
  connectionId,
  expectNoTokenValueWritten,
  h,
  other,
  secrets,
  useTokenHandlers,
} from './handlers-setup';

const available = await requireSecretService('tokens integration');

describe.skipIf(!available)('token handlers: real dispatch, sandbox, keychain and files', () => {
  useTokenHandlers();

  describe('values', () => {
    let created: ApiToken;
    let otherToken: TokenView;

    beforeAll(async () => {
      // Created "elsewhere": only its creator saw the value. Marketplace only, no Access
      // Management: the value authenticates but may not read tokens (403 on who-am-I).
      created = await other.tokens.create({ name: 'Created elsewhere', moduleIds: ['MOD-0478'] });
      secrets.add(created.token!);
      await h.call('tokens.sync');
      otherToken = activeOthers((await h.call('tokens.cached')).tokens).find((t) => t.id !== created.id)!;
    });

    it('refuses a value whose TKN id is another token', async () => {
      const error = await h.fail('values.add', { id: otherToken.id, value: created.token! });
      expect(error).toMatchObject({ code: 'validation', message: `This value belongs to ${created.id}, not ${otherToken.id}.` });
      expect(await h.services.vault.hasTokenValue(connectionId, otherToken.id)).toBe(false);
    });

    it('refuses a well-formed value the Marketplace does not know', async () => {
      const forged = `idt:${created.id}:${'A'.repeat(64)}`;
      secrets.add(forged);
      const error = await h.fail('values.add', { id: created.id, value: forged });
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/^The Marketplace rejected this value/);
      expect(error.message).not.toContain('AAAA');
      expect(await h.services.vault.hasTokenValue(connectionId, created.id)).toBe(false);
    });

    it('refuses an old-format value with the hint, before any network call', async () => {
      const requests = h.sandbox.stats().requests;
      const error = await h.fail('values.add', { id: created.id, value: 'x'.repeat(40) });
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/older token without the idt:TKN-/);
      expect(h.sandbox.stats().requests).toBe(requests);
    });

    it('accepts the right value (pasted with spaces around it) and keeps it in the keychain', async () => {
      const view = await h.call('values.add', { id: created.id, value: `  ${created.token!}\n` });
      expect(view).toMatchObject({ id: created.id, hasValue: true });
      expect(view).not.toHaveProperty('token');
      expect(await h.services.vault.getTokenValue(connectionId, created.id)).toBe(created.token);
      expect((await h.call('tokens.cached')).tokens.find((t) => t.id === created.id)?.hasValue).toBe(true);
    });

    it('values.copy puts the value on the clipboard port (in main) and says so', async () => {
      h.events.length = 0;
      const { clearsAt } = await h.call('values.copy', { id: created.id });
      expect(h.clipboard.text).toBe(created.token);
      const inSeconds = (Date.parse(clearsAt) - Date.now()) / 1000;
      expect(inSeconds).toBeGreaterThan(20);
      expect(inSeconds).toBeLessThanOrEqual(30);
      expect(h.events).toEqual([{ event: 'app.notice', payload: { level: 'success', message: 'Copied Created elsewhere — clipboard clears in 30 s' } }]);
    });

    it('values.reveal returns the value; copy and reveal without a stored value are not_found', async () => {
      expect(await h.call('values.reveal', { id: created.id })).toEqual({ value: created.token });
      for (const channel of ['values.copy', 'values.reveal'] as const) {
        const error = await h.fail(channel, { id: otherToken.id });
        expect(error).toMatchObject({ code: 'not_found', message: `No value for ${otherToken.id} is stored on this computer.` });
      }
    });

    it('quickList (the tray and Quick Access) lists the stored values of the active connection by name', async () => {
      const { groups } = await quickList(h.services);
      expect(groups.map((g) => [g.connectionId, g.active])).toEqual([[connectionId, true]]);
      expect(groups[0]!.tokens).toEqual([{ id: created.id, name: 'Created elsewhere', status: 'Active' }]);
    });
  });

  it('no token value in any file on disk, nor in any event', () => {
    expectNoTokenValueWritten(2);
  });
});
