/**
 * main/store-electron.ts under plain Node. electron-store itself cannot load here (it imports
 * `electron`, whose npm package tries to download the runtime), so it is replaced by a
 * stand-in that does what electron-store 11 does with its options: map `name` to conf's
 * `configName` and hand the rest to the real conf. What is tested is OUR adapter: the options it
 * passes, and that corrupt-file recovery works through it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronStore } from '../../../main/store-electron';

const seenOptions: Array<Record<string, unknown>> = [];

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: Record<string, unknown>) {
      seenOptions.push(options);
      const { name, ...rest } = options;
      super({ ...rest, configName: name as string });
    }
  }
  return { default: ElectronStoreStandIn };
});

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  seenOptions.length = 0;
});

describe('createElectronStore', () => {
  it('passes electron-store its file `name`, an absolute cwd and flat keys', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-es-'));
    const store = await createElectronStore({ cwd: dir, configName: 'connections' });
    store.set('a.b', 1);
    expect(store.path).toBe(path.join(dir, 'connections.json'));
    expect(seenOptions[0]).toMatchObject({ name: 'connections', cwd: dir, accessPropertiesByDotNotation: false, clearInvalidConfig: false });
    expect(seenOptions[0]).not.toHaveProperty('configName');
    expect(JSON.parse(fs.readFileSync(store.path, 'utf8'))).toEqual({ 'a.b': 1 });
  });

  it('moves a corrupt cache file aside through the adapter too', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-es-'));
    fs.writeFileSync(path.join(dir, 'cache.json'), '{oops');
    const onRecovered = vi.fn();
    const store = await createElectronStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside', onRecovered });
    expect(onRecovered).toHaveBeenCalledTimes(1);
    expect(store.recoveries).toHaveLength(1);
    expect(fs.existsSync(store.recoveries[0]!.movedTo)).toBe(true);
    expect(store.get('anything')).toBeUndefined();
  });
});
