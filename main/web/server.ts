/**
 * `npm run serve`: starts the browser host and prints its URL.
 * Flags: --port <n> (default: a free port), --data-dir <path> (where the app keeps its store).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatch } from '../core/dispatch';
import { createHandlerTable } from '../core/handlers';
import { startWebHost } from './host';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const distDir = path.resolve(__dirname, '..');
  const dispatch = createDispatch(createHandlerTable({}));
  const host = await startWebHost({
    dispatch,
    rendererDir: path.join(distDir, 'renderer'),
    bridgeScript: path.join(distDir, 'web', 'desk-bridge.js'),
    port: values.port ? Number(values.port) : 0,
  });
  // The first line is machine-readable for tests and scripts; the rest is for people.
  console.log(`TOKEN_DESK_URL=${host.url}`);
  console.log(`\nToken Desk is running in your browser host.\nOpen: ${host.url}\n(The link carries a one-time access secret. Press Ctrl+C to stop.)`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Token Desk browser host could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
