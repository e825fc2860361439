/**
 * Damaged files never stop the app: the settings and the cache, opened the way both hosts open
 * them (core/data-files.ts), on real files with conf. Every kind of damage is moved aside with a
 * timestamp in its name (byte for byte, never deleted), the store opens empty, and the recovery
 * becomes one notice (core/startup-notices.ts) until dismissed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataFileOptions, recoveryLogLine, settingsShapeProblem } from '../../../main/core/data-files';
import { StartupNotices } from '../../../main/core/startup-notices';
import { createConfStore, type StoreRecovery } from '../../../main/core/store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-store-recovery-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const profile = {
  id: '6f1c2a9e-1111-4222-8333-444455556666',
  name: 'Stark',
  baseUrl: 'https://api.platform.softwareone.com',
  account: { id: 'ACC-1234-5678', name: 'Stark Industries', type: 'Client' },
  adminTokenId: 'TKN-1111-2222',
  createdAt: '2025-01-01T00:00:00.000Z',
  lastUsedAt: '2025-01-01T00:00:00.000Z',
};

const damage: Array<[string, string | Buffer, RegExp]> = [
  ['bad JSON', '{"connections": [', /not valid JSON/],
  ['a truncated file', JSON.stringify({ connections: [profile], activeConnectionId: profile.id }).slice(0, 60), /not valid JSON/],
  ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /not valid JSON/],
  ['an empty file (truncated to nothing)', '', /not valid JSON/],
  ['a JSON list instead of an object', '[1,2,3]', /does not hold a JSON object/],
  ['a connection list that is not a list', JSON.stringify({ connections: { a: 1 } }), /not a list/],
  ['an entry that is not a connection', JSON.stringify({ connections: [profile, { id: 'x' }] }), /connection number 2/],
  ['an active id that is not an id', JSON.stringify({ connections: [profile], activeConnectionId: 42 }), /active connection/],
];

describe('the settings file, damaged in every way, is moved aside and the store opens empty', () => {
  it.each(damage)('%s', async (_label, content, reason) => {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, content);
    const logged: string[] = [];
    const options = dataFileOptions(dir, (which, r) => logged.push(recoveryLogLine(which, r)));
    const store = await createConfStore({ ...options.settings, now: () => new Date('2025-03-04T05:06:07.089Z') });

    expect(store.get('connections')).toBeUndefined();
    expect(store.recoveries).toHaveLength(1);
    const [recovery] = store.recoveries as StoreRecovery[];
    expect(recovery!.reason).toMatch(reason);
    // A timestamp in the name, next to the original, byte for byte: nothing is deleted.
    expect(path.basename(recovery!.movedTo)).toBe('settings.corrupt-2025-03-04T05-06-07-089Z.json');
    expect(path.dirname(recovery!.movedTo)).toBe(dir);
    expect(fs.readFileSync(recovery!.movedTo)).toEqual(Buffer.from(content));
    expect(logged).toEqual([expect.stringContaining(`moved aside to ${recovery!.movedTo}`)]);

    // The app goes on with a fresh file.
    store.set('activeConnectionId', profile.id);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ activeConnectionId: profile.id });
  });

  it('a healthy settings file is left alone', async () => {
    const content = JSON.stringify({ connections: [profile], activeConnectionId: profile.id, links: {} });
    fs.writeFileSync(path.join(dir, 'settings.json'), content);
    const store = await createConfStore(dataFileOptions(dir).settings);
    expect(store.recoveries).toEqual([]);
    expect(store.get('connections')).toEqual([profile]);
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('two damaged copies in the same millisecond both survive', async () => {
    const at = () => new Date('2025-03-04T05:06:07.089Z');
    fs.writeFileSync(path.join(dir, 'settings.json'), 'first{');
    await createConfStore({ ...dataFileOptions(dir).settings, now: at });
    fs.writeFileSync(path.join(dir, 'settings.json'), 'second{');
    await createConfStore({ ...dataFileOptions(dir).settings, now: at });
    const copies = fs.readdirSync(dir).filter((f) => f.includes('.corrupt-')).sort();
    expect(copies).toHaveLength(2);
    expect(copies.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).sort()).toEqual(['first{', 'second{']);
  });

  it('a token value inside the damaged text never reaches the reason (messages, logs, the page)', async () => {
    const value = `idt:TKN-1234-5678:${'a1B2'.repeat(16)}`;
    fs.writeFileSync(path.join(dir, 'settings.json'), `{"oops": "${value}`);
    const store = await createConfStore(dataFileOptions(dir).settings);
    expect(store.recoveries[0]!.reason).not.toContain(value);
    expect(store.recoveries[0]!.reason).not.toContain('a1B2a1B2a1B2');
    // The copy itself is the user's file and stays as it was.
    expect(fs.readFileSync(store.recoveries[0]!.movedTo, 'utf8')).toContain(value);
  });
});

describe('settingsShapeProblem', () => {
  it('accepts what the app writes and the empty file', () => {
    expect(settingsShapeProblem({})).toBeUndefined();
    expect(settingsShapeProblem({ connections: [], activeConnectionId: 'x', tokensPrefs: { a: 1 } })).toBeUndefined();
    expect(settingsShapeProblem({ connections: [profile] })).toBeUndefined();
  });
});

describe('the notice: one per run, for both files, until dismissed', () => {
  it('lists settings first, then the cache; dismiss hides them; a later recovery shows again', async () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '{');
    fs.writeFileSync(path.join(dir, 'cache.json'), '\u0000\u0001');
    const options = dataFileOptions(dir);
    const settings = await createConfStore(options.settings);
    const cache = await createConfStore(options.cache);
    const notices = new StartupNotices({ settings, cache });

    expect(notices.list().map((n) => n.file)).toEqual(['settings', 'cache']);
    expect(notices.list().every((n) => fs.existsSync(n.movedTo))).toBe(true);
    expect(notices.settingsLost()).toBe(true);
    // Asked again (a page reload): still there, still once each.
    expect(notices.list()).toHaveLength(2);

    notices.dismiss();
    expect(notices.list()).toEqual([]);
    expect(notices.settingsLost()).toBe(false);

    // The cache is damaged while the app runs: caught on the next read and reported again.
    fs.writeFileSync(path.join(dir, 'cache.json'), 'garbage');
    expect(cache.get('cache:x:tokens')).toBeUndefined();
    expect(notices.list().map((n) => n.file)).toEqual(['cache']);
  });

  it('no damage, no notice (and stores without recoveries count as healthy)', async () => {
    const options = dataFileOptions(dir);
    const notices = new StartupNotices({ settings: await createConfStore(options.settings), cache: await createConfStore(options.cache) });
    expect(notices.list()).toEqual([]);
    const plain = { get: () => undefined, set: () => undefined, delete: () => undefined, path: 'x' };
    expect(new StartupNotices({ settings: plain, cache: plain }).list()).toEqual([]);
  });
});
