/**
 * `npm run serve`: starts the browser host and prints its URL. Its flags and environment:
 * server-args.ts (tests isolate their keychain with TOKEN_DESK_KEYCHAIN_SERVICE).
 */
import path from 'node:path';
import { dataFileOptions, recoveryLogLine } from '../core/data-files';
import { defaultDataDir } from '../core/data-dir';
import { createDispatch } from '../core/dispatch';
import { createHandlerTable } from '../core/handlers';
import { createCoreServices, type CoreServices } from '../core/services';
import { createConfStore } from '../core/store';
import { startTrySandbox } from '../core/try-sandbox';
import { createKeytarSecretStore, keychainServiceFor } from '../core/vault';
import { startWebHost } from './host';
import { gateEvent } from '../core/dispatch';
import { bindRotationEvents } from '../core/rotation/host-events';
import { createPageClipboard } from './page-clipboard';
import { parseServerArgs, SERVER_USAGE } from './server-args';
import type { PageSender } from './page-clipboard';

async function main(): Promise<void> {
  let args;
  try {
    args = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`Token Desk browser host: ${error instanceof Error ? error.message : String(error)} See \`npm run serve -- --help\`.`);
    process.exit(2);
  }
  if (args.help) {
    console.log(SERVER_USAGE);
    return;
  }
  const dataDir = path.resolve(args.dataDir ?? defaultDataDir());
  const distDir = path.resolve(__dirname, '..');

  // Bound once the host runs: the clipboard is built with the services, before the host.
  let requestingPage: () => PageSender | undefined = () => undefined;
  const sandboxes: { close(): Promise<void> }[] = [];
  const files = dataFileOptions(dataDir, (file, recovery) => console.warn(recoveryLogLine(file, recovery)));
  const services = createCoreServices({
    // A damaged file is moved aside and the host starts; the page shows the notice.
    settingsStore: await createConfStore(files.settings),
    cacheStore: await createConfStore(files.cache),
    // A service of its own: the desktop app's connections and values are not this host's.
    secretStore: createKeytarSecretStore(keychainServiceFor('web')),
    clipboard: createPageClipboard(() => requestingPage()),
    ...(args.rotationCheckMs === undefined ? {} : { rotationMinLookMs: args.rotationCheckMs }),
    startSandbox: async () => {
      const sandbox = await startTrySandbox();
      sandboxes.push(sandbox);
      return sandbox;
    },
  });

  await warmActiveTokenList(services);
  const host = await startWebHost({
    dispatch: createDispatch(createHandlerTable(services)),
    rendererDir: path.join(distDir, 'renderer'),
    bridgeScript: path.join(distDir, 'web', 'desk-bridge.js'),
    port: args.port,
  });
  requestingPage = host.requestingPage;
  // Rotation plans run in this process while it is up; their notices go to every open page.
  bindRotationEvents(services, {
    broadcast: (event, payload) => host.broadcast(event, payload),
    desktopNotice: ({ level, title, message }) => {
      const payload = gateEvent('app.notice', { level, message: `${title.replace(/^Token Desk: /, '')}: ${message}` });
      if (payload) host.broadcast('app.notice', payload);
    },
  });
  void services.rotation.start();
  // The weekly digest is not started here: it is a desktop notification, which a page cannot be
  // relied on to show (the Settings page says so, and points at the Overview instead).

  // The first line is machine-readable for tests and scripts; the rest is for people.
  console.log(`TOKEN_DESK_URL=${host.url}`);
  console.log(`\nToken Desk is running in your browser host (data: ${dataDir}).\nOpen: ${host.url}\n(The part after # is the access secret: browsers never send it to any server. Press Ctrl+C to stop.)`);
  const stop = () => {
    void Promise.all([services.dispose(), host.close(), ...sandboxes.map((s) => s.close())]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The active connection's cached list is read while the host starts (it needs no keychain or
 * network), so the page's `tokens.cached` finds it in memory. Before the host listens: read
 * later, its parse would hold the event loop while the page's own files are being served.
 */
async function warmActiveTokenList(services: Pick<CoreServices, 'connections' | 'cache'>): Promise<void> {
  const active = services.connections.active();
  if (active) await services.cache.tokenLists.warm(active.id);
}

main().catch((error: unknown) => {
  console.error(`Token Desk browser host could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
