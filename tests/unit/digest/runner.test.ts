/**
 * The weekly digest on a fake clock: once a week and not twice, never while it is off (and no
 * timer then), one catch-up after the app was closed past the due time, what a restart finds on
 * disk, and a damaged file moved aside and reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestRunner, DIGEST_WEEK_MS, type DigestMessage } from '../../../main/core/digest/runner';
import { DIGEST_FILE, DigestStore, digestFileProblem } from '../../../main/core/digest/store';
import { systemClock } from '../../../main/core/rotation/runner';
import { StartupNotices } from '../../../main/core/startup-notices';
import { createConfStore } from '../../../main/core/store';
import { MemoryStore } from '../core/fakes';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-03-02T09:00:00.000Z');

function makeDigest(options: { disk?: MemoryStore; on?: boolean; count?: number } = {}) {
  const disk = options.disk ?? new MemoryStore();
  const setting = { on: options.on ?? true };
  const shown: DigestMessage[] = [];
  const work = { count: options.count ?? 3, fail: false, asked: 0 };
  const runner = new DigestRunner({
    store: new DigestStore(async () => disk),
    enabled: () => setting.on,
    summarize: async () => {
      work.asked += 1;
      if (work.fail) throw new Error('cache unreadable');
      return { title: 'Token Desk: what needs attention', body: `${work.count} tokens unused for 90+ days`, count: work.count };
    },
    notify: (m) => shown.push(m),
    clock: systemClock,
  });
  return { disk, setting, shown, work, runner };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('weekly digest', () => {
  it('fires once a week, not twice, counting the first week from when it was turned on', async () => {
    const { runner, shown } = makeDigest();
    await runner.start();
    expect(shown).toHaveLength(0);
    await advance(DIGEST_WEEK_MS - HOUR);
    expect(shown).toHaveLength(0);
    await advance(HOUR);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.body).toContain('3 tokens unused');
    await advance(DIGEST_WEEK_MS - HOUR);
    expect(shown).toHaveLength(1);
    await advance(HOUR);
    expect(shown).toHaveLength(2);
    runner.stop();
  });

  it('is off by default and arms no timer while off', async () => {
    const { runner, shown, work } = makeDigest({ on: false });
    await runner.start();
    expect(vi.getTimerCount()).toBe(0);
    await advance(5 * DIGEST_WEEK_MS);
    expect(shown).toHaveLength(0);
    expect(work.asked).toBe(0);
    expect(runner.nextAt()).toBeNull();
  });

  it('arms nothing in a host that never starts it, whatever the setting', async () => {
    const { runner, shown, setting } = makeDigest({ on: false });
    setting.on = true;
    await runner.settingChanged();
    expect(vi.getTimerCount()).toBe(0);
    await advance(2 * DIGEST_WEEK_MS);
    expect(shown).toHaveLength(0);
  });

  it('drops its timer when turned off, and a later turn-on starts a fresh week', async () => {
    const { runner, shown, setting } = makeDigest();
    await runner.start();
    expect(vi.getTimerCount()).toBe(1);
    setting.on = false;
    await runner.settingChanged();
    expect(vi.getTimerCount()).toBe(0);
    await advance(3 * DIGEST_WEEK_MS);
    expect(shown).toHaveLength(0);

    setting.on = true;
    await runner.settingChanged();
    expect(shown).toHaveLength(0);
    expect(runner.nextAt()).toBe(Date.now() + DIGEST_WEEK_MS);
    await advance(DIGEST_WEEK_MS);
    expect(shown).toHaveLength(1);
    runner.stop();
  });

  it('does not fire again after a restart in the same week', async () => {
    const first = makeDigest();
    await first.runner.start();
    await advance(DIGEST_WEEK_MS);
    expect(first.shown).toHaveLength(1);
    first.runner.stop();

    await advance(2 * DAY);
    const second = makeDigest({ disk: first.disk });
    await second.runner.start();
    expect(second.shown).toHaveLength(0);
    await advance(5 * DAY - HOUR);
    expect(second.shown).toHaveLength(0);
    await advance(HOUR);
    expect(second.shown).toHaveLength(1);
    second.runner.stop();
  });

  it('catches up once after the app was closed past the due time, then keeps a weekly pace', async () => {
    const first = makeDigest();
    await first.runner.start();
    first.runner.stop();

    // Closed for a month: four digests were missed; the next start shows one.
    vi.setSystemTime(START + 30 * DAY);
    const second = makeDigest({ disk: first.disk });
    await second.runner.start();
    expect(second.shown).toHaveLength(1);
    await advance(DIGEST_WEEK_MS - HOUR);
    expect(second.shown).toHaveLength(1);
    await advance(HOUR);
    expect(second.shown).toHaveLength(2);
    second.runner.stop();
  });

  it('passes a week with nothing to report quietly, but counts it', async () => {
    const { runner, shown, work } = makeDigest({ count: 0 });
    await runner.start();
    await advance(DIGEST_WEEK_MS);
    expect(work.asked).toBe(1);
    expect(shown).toHaveLength(0);
    work.count = 2;
    await advance(DIGEST_WEEK_MS);
    expect(shown).toHaveLength(1);
    runner.stop();
  });

  it('tries again within the hour when the summary cannot be made, and fires once it can', async () => {
    const { runner, shown, work } = makeDigest();
    await runner.start();
    work.fail = true;
    await advance(DIGEST_WEEK_MS);
    expect(shown).toHaveLength(0);
    work.fail = false;
    await advance(HOUR);
    expect(shown).toHaveLength(1);
    await advance(DIGEST_WEEK_MS - 1);
    expect(shown).toHaveLength(1);
    runner.stop();
  });

  it('answers the tray at once whatever the setting, without moving the weekly digest', async () => {
    const { runner, shown, work, setting } = makeDigest({ on: false, count: 0 });
    await runner.showNow();
    expect(shown).toEqual([expect.objectContaining({ count: 0 })]);
    work.fail = true;
    await runner.showNow();
    expect(shown[1]!.body).toMatch(/could not sum up/);
    expect(vi.getTimerCount()).toBe(0);

    work.fail = false;
    setting.on = true;
    await runner.start();
    await runner.showNow();
    expect(runner.nextAt()).toBe(START + DIGEST_WEEK_MS);
    runner.stop();
  });
});

describe('digest file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'digest-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (name: string, validate: (data: Record<string, unknown>) => string | undefined) => createConfStore({ cwd: dir, configName: name, onCorrupt: 'move-aside', validate });

  it('remembers the last digest in a file of its own, across a restart', async () => {
    const store = new DigestStore(open);
    await store.save({ lastFiredAt: '2026-03-09T09:00:00.000Z', onSince: '2026-03-02T09:00:00.000Z' });
    expect(await new DigestStore(open).load()).toEqual({ lastFiredAt: '2026-03-09T09:00:00.000Z', onSince: '2026-03-02T09:00:00.000Z' });
    expect(fs.existsSync(path.join(dir, `${DIGEST_FILE}.json`))).toBe(true);
  });

  it('moves a damaged file aside, reports it with the start-up notices, and does not fire at once', async () => {
    fs.writeFileSync(path.join(dir, `${DIGEST_FILE}.json`), '{"digest": {"lastFiredAt": 42}}');
    const store = new DigestStore(open);
    expect(await store.load()).toEqual({});
    expect(store.recoveries).toHaveLength(1);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${DIGEST_FILE}.corrupt-`))).toBe(true);
    const notices = new StartupNotices({ settings: new MemoryStore(), cache: new MemoryStore(), digest: store });
    expect(notices.list()).toEqual([expect.objectContaining({ file: 'digest' })]);

    const shown: DigestMessage[] = [];
    const runner = new DigestRunner({ store, enabled: () => true, summarize: async () => ({ title: 't', body: 'b', count: 1 }), notify: (m) => shown.push(m), clock: systemClock });
    await runner.start();
    expect(shown).toHaveLength(0);
    runner.stop();
  });

  it('calls unreadable what is not a digest state', () => {
    expect(digestFileProblem({})).toBeUndefined();
    expect(digestFileProblem({ digest: { lastFiredAt: 'yesterday' } })).toMatch(/not readable/);
    expect(digestFileProblem({ digest: { extra: true } })).toMatch(/not readable/);
  });
});
