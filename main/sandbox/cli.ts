/**
 * `npm run sandbox`: starts the simulator and prints how to use it. Bundled by the build
 * script into dist/sandbox/cli.cjs. Admin token values are printed on purpose: this is a
 * local simulator with sample data, and they are the only way in.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { startSandbox } from './index';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const sandbox = await startSandbox(parsed.options);
  console.log(`Token Desk sandbox (SoftwareOne Marketplace API simulator) ready in ${Date.now() - started} ms`);
  console.log(`API base URL: ${sandbox.url}   (endpoints under ${sandbox.url}/public/v1/)`);
  if (parsed.options.faults) console.log(`Faults: ${JSON.stringify(parsed.options.faults)}`);
  for (const account of sandbox.accounts) {
    console.log(`\n${account.name} (${account.type}, ${account.id})`);
    console.log(`  admin token ${account.adminTokenId}: ${account.adminToken}`);
  }
  console.log('\nPress Ctrl+C to stop.');

  const stop = (): void => {
    // Machine-readable for the fault tests: what this run injected.
    console.log(`SANDBOX_STATS=${JSON.stringify(sandbox.stats())}`);
    console.log('\nStopping sandbox…');
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
