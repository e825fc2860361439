/**
 * The leak check in main (core/leaks/service.ts) over real core services and in-memory ports:
 * identification through the connections' cached lists, the kept-value comparison, bare older
 * secrets, reports that never carry a value, and the scan's worker (built here with esbuild).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../../main/core/services';
import { MemorySecretStore, MemoryStore, testProfile } from '../core/fakes';

const S1 = 'A'.repeat(32) + 'b'.repeat(32);
const S2 = 'Z'.repeat(64);
const ID = 'TKN-1234-5678';
const OTHER = 'TKN-9999-0001';
const profile = testProfile();

let tmp: string;
let workerPath: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-checker-'));
  workerPath = path.join(tmp, 'leaks-worker.cjs');
  await build({ entryPoints: [path.resolve(__dirname, '../../../main/core/leaks/worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
}, 30_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function setup() {
  const settings = new MemoryStore();
  settings.set('connections', [profile]);
  settings.set('activeConnectionId', profile.id);
  const secrets = new MemorySecretStore();
  await secrets.set(`token:${profile.id}:${ID}`, `idt:${ID}:${S1}`);
  const services = createCoreServices({ settingsStore: settings, cacheStore: new MemoryStore(), secretStore: secrets, clipboard: { writeText: () => undefined, readText: () => '' }, leaksWorkerPath: workerPath });
  services.cache.putTokens(profile.id, [
    { id: ID, name: 'CI pipeline', status: 'Active', lastAccessAt: '2026-01-02T00:00:00.000Z', account: { id: 'ACC-1111-2222', name: 'Stark' }, modules: [{ id: 'MOD-1756', name: 'Access Management' }, { id: 'MOD-0478', name: 'Marketplace' }] } as never,
    { id: OTHER, name: 'Old job', status: 'Disabled', account: { id: 'ACC-1111-2222', name: 'Stark' }, modules: [] } as never,
  ]);
  return services;
}

describe('LeakChecker.check', () => {
  it('identifies each value: token, account, whether it is the kept value, its group', async () => {
    const services = await setup();
    const { findings } = await services.leaks.check(`Authorization: Bearer idt:${ID}:${S1}\nx=idt:${OTHER}:${S2}\ny=idt:TKN-5555-5555:${S2}`);
    expect(findings.map((f) => [f.tokenId, f.group, f.holders[0]?.kept ?? null, f.places[0]!.line])).toEqual([
      [ID, 'live', true, 1],
      [OTHER, 'disabledOrDeleted', false, 2],
      ['TKN-5555-5555', 'unknown', null, 3],
    ]);
    const live = findings[0]!;
    expect(live.token).toMatchObject({ name: 'CI pipeline', status: 'Active', lastAccessAt: '2026-01-02T00:00:00.000Z' });
    expect(live.token!.modules.filter((m) => m.accessManagement).map((m) => m.id)).toEqual(['MOD-1756']);
    expect(live.holders[0]).toMatchObject({ connectionName: 'Production', accountName: 'Stark', active: true });
    expect(JSON.stringify(findings)).not.toContain(S1);
    expect(JSON.stringify(findings)).not.toContain(S2);
  });

  it('a different secret for a kept token is found but is not the kept value', async () => {
    const services = await setup();
    const [f] = (await services.leaks.check(`idt:${ID}:${S2}`)).findings;
    expect(f!.holders[0]!.kept).toBe(false);
  });

  it('finds an older bare secret only because Token Desk keeps it', async () => {
    const services = await setup();
    const { findings } = await services.leaks.check(`OLD_TOKEN=${S1}\nNOT_OURS=${S2}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ tokenId: ID, bare: true, group: 'live' });
  });

  it('reports name tokens, places and fingerprints, never a value', async () => {
    const services = await setup();
    await services.leaks.check(`idt:${ID}:${S1}`);
    for (const format of ['markdown', 'csv'] as const) {
      const { text } = await services.leaks.report(format, 'text');
      expect(text).toContain(ID);
      expect(text).toMatch(/TKN-1234-5678\/sha256:[0-9a-f]{12}/);
      expect(text).toContain('pasted text:1');
      expect(text).not.toContain(S1);
    }
  });

  it('forget drops the values: an action on a finding then says so', async () => {
    const services = await setup();
    const [f] = (await services.leaks.check(`idt:${ID}:${S1}`)).findings;
    services.leaks.forget();
    await expect(services.leaks.verify(f!.fingerprint)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('LeakChecker.scan (worker)', () => {
  it('scans folders in the worker and groups findings by token', async () => {
    const services = await setup();
    const dir = fs.mkdtempSync(path.join(tmp, 'tree-'));
    fs.writeFileSync(path.join(dir, '.env'), `TOKEN=idt:${ID}:${S1}\n`);
    fs.writeFileSync(path.join(dir, 'a.json'), `{"t":"idt:${ID}:${S1}"}`);
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.js'), `idt:${OTHER}:${S2}`);
    const progress: number[] = [];
    const result = await services.leaks.scan([dir], false, (c) => progress.push(c.files));
    expect(result.cancelled).toBe(false);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.places.map((p) => path.basename(p.path!)).sort()).toEqual(['.env', 'a.json']);
    expect(result.counts.files).toBe(2);
    expect(progress.at(-1)).toBe(2);
  });

  it('cancel stops a long scan at once', async () => {
    const services = await setup();
    const dir = fs.mkdtempSync(path.join(tmp, 'big-'));
    const chunk = 'lorem ipsum dolor sit amet\n'.repeat(40_000);
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `f${i}.log`), chunk);
    const started = Date.now();
    const running = services.leaks.scan([dir], false, () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    services.leaks.cancel();
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.counts.files).toBeLessThan(60);
  });

  it('skips files over the size limit the setting holds; a bad limit is refused and changes nothing', async () => {
    const services = await setup();
    const dir = fs.mkdtempSync(path.join(tmp, 'limit-'));
    fs.writeFileSync(path.join(dir, 'big.log'), 'x'.repeat(2 * 1024 * 1024) + `\nTOKEN=idt:${ID}:${S1}\n`);
    const atDefault = await services.leaks.scan([dir], false, () => undefined);
    expect(atDefault.findings).toHaveLength(1);
    services.desktopSettings.set({ leakScanMaxFileMb: 1 });
    const atOne = await services.leaks.scan([dir], false, () => undefined);
    expect(atOne.findings).toHaveLength(0);
    expect(atOne.counts.skipped.tooLarge).toBe(1);
    expect(() => services.desktopSettings.set({ leakScanMaxFileMb: 0.5 })).toThrow(/whole number of MB, from 1 to 1024/);
    expect(() => services.desktopSettings.set({ leakScanMaxFileMb: 2048 })).toThrow(/whole number of MB/);
    expect(services.desktopSettings.get().leakScanMaxFileMb).toBe(1);
  });
});
