/**
 * The real thing, minus Electron: the handler table from createHandlerTable(createCoreServices)
 * behind createDispatch, over a real sandbox (HTTP), conf stores in a temp dir, the real keychain
 * (a unique service name) and an in-memory clipboard (the OS clipboard is an Electron port).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallOutput, Channel, EventName } from '../../../common/contract';
import type { ClientInput } from '../../../common/desk-client';
import type { DeskErrorData } from '../../../common/errors';
import type { ClipboardPort } from '../../../main/core/clipboard';
import { createDispatch, type HandlerContext } from '../../../main/core/dispatch';
import { createHandlerTable } from '../../../main/core/handlers';
import { createCoreServices, type CoreServices } from '../../../main/core/services';
import { createConfStore } from '../../../main/core/store';
import { createKeytarSecretStore, type SecretStore } from '../../../main/core/vault';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/sandbox';
import { uniqueService } from '../vault/secret-service';
import { asPage } from '../../support/connection-calls';

export interface MemoryClipboard extends ClipboardPort {
  text: string;
}

export function memoryClipboard(): MemoryClipboard {
  return {
    text: '',
    writeText(t: string) {
      this.text = t;
    },
    readText() {
      return this.text;
    },
  };
}

export interface Emitted {
  event: EventName;
  payload: unknown;
}

export interface Harness {
  sandbox: RunningSandbox;
  dir: string;
  secrets: SecretStore;
  clipboard: MemoryClipboard;
  services: CoreServices;
  /** Events since a test last emptied it. */
  events: Emitted[];
  /** Every event of the run (never emptied). */
  allEvents: Emitted[];
  /** Calls the channel through dispatch; returns the value or throws with the error data. */
  call<C extends Channel>(channel: C, input?: ClientInput<C>): Promise<CallOutput<C>>;
  /** Calls the channel and expects a failure; returns the error data. */
  fail<C extends Channel>(channel: C, input?: ClientInput<C>): Promise<DeskErrorData>;
  close(): Promise<void>;
}

export async function startHarness(sandboxOptions: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox(sandboxOptions);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-desk-tokens-'));
  const settingsStore = await createConfStore({ cwd: dir, configName: 'settings' });
  const cacheStore = await createConfStore({ cwd: dir, configName: 'cache', onCorrupt: 'move-aside' });
  const secrets = createKeytarSecretStore(uniqueService());
  const clipboard = memoryClipboard();
  const services = createCoreServices({
    settingsStore,
    cacheStore,
    secretStore: secrets,
    clipboard,
    // One attempt, short timeout: the offline tests must not wait for backoff.
    clientOptions: { timeoutMs: 5_000, retry: { maxAttempts: 1 } },
  });
  const dispatch = asPage(services, createDispatch(createHandlerTable(services)));
  const events: Emitted[] = [];
  const allEvents: Emitted[] = [];
  const ctx: HandlerContext = {
    host: 'browser',
    emit: (event, payload) => {
      events.push({ event, payload });
      allEvents.push({ event, payload });
    },
  };

  const raw = (channel: Channel, input: unknown) => dispatch(channel, input ?? {}, ctx);
  return {
    sandbox,
    dir,
    secrets,
    clipboard,
    services,
    events,
    allEvents,
    async call(channel, input) {
      const result = await raw(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(channel, input) {
      const result = await raw(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to fail but succeeded`);
      return result.error;
    },
    async close() {
      await services.dispose();
      for (const account of await secrets.list().catch(() => [])) await secrets.delete(account).catch(() => undefined);
      await sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir`, as text (the conf stores and anything moved aside). */
export function filesUnder(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push({ file: full, text: fs.readFileSync(full, 'utf8') });
  }
  return out;
}

/** A tiny valid PNG (1x1), base64. */
export const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
