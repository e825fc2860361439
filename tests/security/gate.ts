/**
 * The fuzz half of `npm run check:security` (scripts/check-security.mjs bundles and runs it):
 * the real core and the real browser host, in this process, so a crash of either fails the
 * gate. Writes its figures as JSON to the path given as the first argument.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { startWebHost } from '../../main/web/host';
import { createSecret } from '../../main/web/auth';
import { fuzzHttp } from './http-fuzz';
import { fuzzDispatch, fuzzWebSocket } from './ipc-fuzz';
import { startRealCore } from './real-core';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: gate <figures.json>');
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  const started = Date.now();
  const core = await startRealCore();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-fuzz-page-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Token Desk</title><div id="root"></div>');
  const secret = createSecret();
  const host = await startWebHost({ dispatch: core.dispatch, rendererDir, bridgeScript: path.join(rendererDir, 'index.html'), secret });
  try {
    const ipc = await fuzzDispatch(core, seed);
    const ws = await fuzzWebSocket(core, host, secret, seed);
    const http = await fuzzHttp(host, secret);
    const figures = { seed, keychain: core.keychain, seconds: Math.round((Date.now() - started) / 1000), ipc, ws, http };
    fs.writeFileSync(out, JSON.stringify(figures, null, 2));
  } finally {
    await host.close();
    await core.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[security] the fuzz could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
});
