/**
 * The leak scan's worker entry (bundled on its own as leaks-worker.cjs by scripts/build.mjs):
 * the scan blocks this thread, never main's event loop, at a lower priority than the app's own
 * threads where the system allows (thread-priority.ts). Cancel is main terminating the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFolders, type ScanRequest } from './scan-tree';
import { lowerThisThreadsPriority } from './thread-priority';

lowerThisThreadsPriority();

scanFolders(workerData as ScanRequest, (message) => parentPort!.postMessage(message));
