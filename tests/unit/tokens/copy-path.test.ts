/**
 * The one copy path (core/tokens/values.ts) as the tray uses it (core/quick/list.ts copyFromTray), and the in-memory store of
 * values the keychain refused. Real core services over in-memory ports (no Electron).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import { copyFromTray } from '../../../main/core/quick/list';
import { createCoreServices } from '../../../main/core/services';
import { UnsavedValues } from '../../../main/core/tokens/unsaved-values';
import { MemorySecretStore, MemoryStore, testProfile } from '../core/fakes';

const VALUE = 'idt:TKN-1234-5678:4l6Fq7jrGSfZVjDYHabJkxTuv4nynuj5f8qVTbbHJS5rFXpetnvRYfvwiaRjGzrF';
const ID = 'TKN-1234-5678';

const profile = testProfile();

function setup({ connected = true } = {}) {
  const settings = new MemoryStore();
  if (connected) {
    settings.set('connections', [profile]);
    settings.set('activeConnectionId', profile.id);
  }
  const secrets = new MemorySecretStore();
  let text = '';
  const clipboard = { writeText: (t: string) => void (text = t), readText: () => text };
  const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: secrets, clipboard });
  const notices: EventPayload<'app.notice'>[] = [];
  return { services, secrets, notices, notify: (n: EventPayload<'app.notice'>) => void notices.push(n), clipboardText: () => text };
}

afterEach(() => vi.restoreAllMocks());

describe('copyFromTray (the tray copies through quickCopyOf)', () => {
  it('copies a stored value through the clipboard service, logs it as a tray copy, and tells no error', async () => {
    const { services, secrets, notices, notify, clipboardText } = setup();
    await secrets.set(`token:${profile.id}:${ID}`, VALUE);
    await copyFromTray(services, profile.id, ID, notify);
    expect(clipboardText()).toBe(VALUE);
    expect(notices).toEqual([]);
    expect(services.accessLog.list({ limit: 10 }).map(({ tokenId, source, action, connectionId }) => ({ tokenId, source, action, connectionId }))).toEqual([
      { tokenId: ID, source: 'tray', action: 'copy', connectionId: profile.id },
    ]);
    await services.dispose();
    expect(clipboardText()).toBe('');
  });

  it('a connection that is no longer saved: resolves, tells the user, logs the code only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { services, notices, notify, clipboardText } = setup({ connected: false });
    await expect(copyFromTray(services, profile.id, ID, notify)).resolves.toBeUndefined();
    expect(notices).toEqual([{ level: 'error', message: `Could not copy ${ID}. That connection is no longer saved in Token Desk.` }]);
    expect(warn).toHaveBeenCalledWith('[token-desk] tray copy failed:', 'not_found');
    expect(clipboardText()).toBe('');
  });

  it('a failing keychain or a missing value is an error notice, never a rejection', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { services, secrets, notices, notify } = setup();
    await copyFromTray(services, profile.id, ID, notify);
    secrets.failWith = new DeskError({ code: 'keychain_unavailable', message: 'The keychain is locked.' });
    await expect(copyFromTray(services, profile.id, ID, notify)).resolves.toBeUndefined();
    expect(notices.map((n) => n.level)).toEqual(['error', 'error']);
    expect(notices[0]!.message).toMatch(/No value for TKN-1234-5678 is stored/);
    expect(notices[1]!.message).toMatch(/keychain is locked/);
  });

  it('an unexpected failure is shown without its text and logged by name', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { services, secrets, notices, notify } = setup();
    secrets.failWith = new TypeError(`boom ${VALUE}`);
    await copyFromTray(services, profile.id, ID, notify);
    expect(notices).toEqual([{ level: 'error', message: `Could not copy ${ID}. Something went wrong inside Token Desk.` }]);
    expect(warn).toHaveBeenCalledWith('[token-desk] tray copy failed:', 'TypeError');
    expect(JSON.stringify(warn.mock.calls)).not.toContain(VALUE);
  });

  it('copies a value the keychain refused from memory, without asking the keychain', async () => {
    const { services, secrets, notices, notify, clipboardText } = setup();
    services.unsavedValues.put(profile.id, ID, VALUE);
    secrets.failWith = new DeskError({ code: 'keychain_unavailable', message: 'locked' });
    await copyFromTray(services, profile.id, ID, notify);
    expect(clipboardText()).toBe(VALUE);
    expect(notices).toEqual([]);
  });
});

describe('UnsavedValues', () => {
  it('keeps a value per connection and token until forgotten', () => {
    const values = new UnsavedValues();
    values.put('a', ID, VALUE);
    values.put('b', ID, 'other');
    expect(values.get('a', ID)).toBe(VALUE);
    expect(values.get('a', 'TKN-0000-0002')).toBeUndefined();
    expect(values.forget('a', ID)).toBe(true);
    expect(values.forget('a', ID)).toBe(false);
    expect(values.get('b', ID)).toBe('other');
    values.forgetConnection('b');
    expect(values.get('b', ID)).toBeUndefined();
  });

  it('expires an entry after its time, and a new put restarts the clock', () => {
    const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
    const values = new UnsavedValues({
      ttlMs: 1000,
      setTimeout: (fn, ms) => {
        const t = { fn, ms, cancelled: false };
        timers.push(t);
        return t;
      },
      clearTimeout: (t) => void ((t as { cancelled: boolean }).cancelled = true),
    });
    values.put('a', ID, VALUE);
    values.put('a', ID, VALUE);
    expect(timers.map((t) => [t.ms, t.cancelled])).toEqual([
      [1000, true],
      [1000, false],
    ]);
    timers[1]!.fn();
    expect(values.get('a', ID)).toBeUndefined();
  });
});
