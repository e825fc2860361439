/**
 * Main's side of a folder scan: starts the worker (worker.ts, bundled as leaks-worker.cjs),
 * collects its findings, passes progress on, and cancels by terminating it — the scan stops at
 * once, whatever file it was in, and nothing is left half-written because it writes nothing.
 */
import { Worker } from 'node:worker_threads';
import type { ScanCounts, ScanHit, ScanMessage, ScanRequest } from './scan-tree';

export type { ScanHit } from './scan-tree';

export interface ScanOutcome {
  hits: ScanHit[];
  counts: ScanCounts;
  folderErrors: { folder: string; message: string }[];
  cancelled: boolean;
}

export interface ScanHandle {
  done: Promise<ScanOutcome>;
  cancel(): void;
}

const emptyCounts = (): ScanCounts => ({ files: 0, bytes: 0, found: 0, skipped: { unreadable: 0, outside: 0, special: 0, tooLarge: 0, binary: 0 } });

export function startScan(workerPath: string, request: ScanRequest, onProgress: (counts: ScanCounts) => void): ScanHandle {
  const worker = new Worker(workerPath, { workerData: request });
  const outcome: ScanOutcome = { hits: [], counts: emptyCounts(), folderErrors: [], cancelled: false };
  let settle!: (o: ScanOutcome) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<ScanOutcome>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let finished = false;
  const finish = (error?: unknown) => {
    if (finished) return;
    finished = true;
    if (error === undefined) settle(outcome);
    else fail(error);
  };
  worker.on('message', (message: ScanMessage) => {
    if (message.type === 'folderError') outcome.folderErrors.push({ folder: message.folder, message: message.message });
    else {
      for (const hit of message.hits) outcome.hits.push(hit);
      outcome.counts = message.counts;
      onProgress(message.counts);
      if (message.type === 'done') finish();
    }
  });
  // The worker's own error text may name a path but never a value: it is not passed on anyway.
  worker.on('error', () => finish(new Error('The folder scan stopped unexpectedly.')));
  worker.on('exit', () => finish());
  return {
    done,
    cancel() {
      if (finished) return;
      outcome.cancelled = true;
      finish();
      void worker.terminate();
    },
  };
}
