/**
 * The leak scan's worker (the built dist/main/leaks-worker.cjs, as the app starts it) runs at a
 * lower scheduling priority than the app's own threads on Linux, and main's thread keeps its own:
 * read from /proc while a scan of a generated folder runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startScan } from '../../../main/core/leaks/scanner';

const root = path.resolve(__dirname, '..', '..', '..');
const WORKER = path.join(root, 'dist', 'main', 'leaks-worker.cjs');
const built = fs.existsSync(WORKER);
const linux = fs.existsSync('/proc/thread-self');
if (!built) console.warn('[leaks worker priority] skipped: no build in dist/ — run `npm run build` first (npm test does).');
if (!linux) console.warn('[leaks worker priority] skipped: a priority per thread is read from /proc on Linux only.');

/** The nice value of each thread of this process, by thread id (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${process.pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), Number(fields[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-priority-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe.skipIf(!built || !linux)('the leak scan worker', () => {
  it('runs below the priority of main, which keeps its own', async () => {
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(folder, `f${i}.txt`), `line ${i}\n`.repeat(5_000));
    const before = threadNices();
    const scan = startScan(WORKER, { folders: [folder], maxFileBytes: 5 * 1024 * 1024, bareLengths: [], bareDigests: [], progressMs: 50 }, () => undefined);
    // A thread that was not there before the scan and runs at the lower priority: the worker's.
    let lowered: number | undefined;
    for (let tries = 0; tries < 200 && lowered === undefined; tries++) {
      for (const [tid, nice] of threadNices()) if (!before.has(tid) && nice === os.constants.priority.PRIORITY_BELOW_NORMAL) lowered = tid;
      if (lowered === undefined) await new Promise((r) => setTimeout(r, 5));
    }
    scan.cancel();
    await scan.done.catch(() => undefined);
    expect(lowered).toBeDefined();
    expect(threadNices().get(process.pid)).toBe(before.get(process.pid));
    expect(os.getPriority(process.pid)).toBe(before.get(process.pid));
  });
});
