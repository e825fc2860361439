/**
 * A bench's sandbox in a worker thread, so its CPU does not compete with the client's event
 * loop (in the app the Marketplace is another machine). The bench file runs itself as the
 * worker: `serveSandbox` on the worker side, `startSandboxWorker(__filename, data)` on the main
 * side, which can set faults, ask how many requests the sandbox served, and close it.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { startSandbox, type FaultOptions, type SandboxAccount } from '../../../main/sandbox/index';

type ToWorker = { type: 'faults'; faults: FaultOptions } | { type: 'stats' } | { type: 'close' };
type FromWorker = { type: 'ready'; url: string; accounts: SandboxAccount[] } | { type: 'ack' } | { type: 'stats'; requests: number };

/** Worker side: run the sandbox and answer the main side until it says close. */
export async function serveSandbox(options: Parameters<typeof startSandbox>[0]): Promise<void> {
  const sb = await startSandbox(options);
  parentPort!.on('message', (msg: ToWorker) => {
    if (msg.type === 'faults') {
      sb.setFaults(msg.faults);
      parentPort!.postMessage({ type: 'ack' } satisfies FromWorker);
    } else if (msg.type === 'stats') {
      parentPort!.postMessage({ type: 'stats', requests: sb.stats().requests } satisfies FromWorker);
    } else {
      void sb.close().then(() => process.exit(0));
    }
  });
  parentPort!.postMessage({ type: 'ready', url: sb.url, accounts: sb.accounts } satisfies FromWorker);
}

export interface SandboxWorker {
  url: string;
  accounts: SandboxAccount[];
  setFaults(faults: FaultOptions): Promise<void>;
  /** Requests the sandbox has served so far (asked of the worker, not over HTTP). */
  requests(): Promise<number>;
  close(): void;
}

/** Main side: starts `file` as the worker (with `data` as its workerData) and waits for its sandbox. */
export async function startSandboxWorker(file: string, data: unknown): Promise<SandboxWorker> {
  const worker = new Worker(file, { workerData: data });
  const inbox: FromWorker[] = [];
  const waiting: Array<(m: FromWorker) => void> = [];
  worker.on('message', (m: FromWorker) => (waiting.length ? waiting.shift()!(m) : inbox.push(m)));
  const next = () => new Promise<FromWorker>((resolve, reject) => (inbox.length ? resolve(inbox.shift()!) : (waiting.push(resolve), worker.once('error', reject))));
  const ask = (msg: ToWorker) => {
    worker.postMessage(msg);
    return next();
  };
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('sandbox worker did not start');
  return {
    url: ready.url,
    accounts: ready.accounts,
    setFaults: async (faults) => void (await ask({ type: 'faults', faults })),
    requests: async () => ((await ask({ type: 'stats' })) as { requests: number }).requests,
    close: () => worker.postMessage({ type: 'close' } satisfies ToWorker),
  };
}

/** The middle value (the upper middle for an even count). */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
