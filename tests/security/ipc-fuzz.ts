/**
 * IPC fuzz: every malformed case of every channel (cases.ts) through the real dispatch, then
 * the JSON-safe ones through the browser host's WebSocket, plus frames no bridge would send.
 * A finding is: a success, a throw (a crash), a reply that is not a DeskResult, or a token
 * value (`idt:TKN-`) anywhere in a reply or event.
 */
import WebSocket from 'ws';
import { deskErrorDataSchema } from '../../common/error-data';
import { serverMessageReader, sessionProtocol, WS_PATH, WS_PROTOCOL } from '../../common/web-protocol';
import type { RunningWebHost } from '../../main/web/host';
import { allCases } from './cases';
import type { FuzzCase } from './cases';
import type { RealCore } from './real-core';

export interface FuzzFigures {
  channels: number;
  cases: number;
  byFamily: Record<string, number>;
  findings: string[];
}

/**
 * A token value: `idt:TKN-` plus an id, a colon and a secret — not the format hints in messages
 * (`idt:TKN-1234-5678:<letters and digits>`) — or a secret part of this run's values, verbatim.
 */
const LEAK = 'idt:TKN-';
const WHOLE_VALUE = /idt:TKN-\d{4}-\d{4}(?:-\d{4})?:[A-Za-z0-9]+/;
let runSecrets: string[] = [];
export function setRunSecrets(values: string[]): void {
  runSecrets = values.flatMap((v) => [v, v.split(':').pop() ?? v]).filter((s) => s.length >= 16);
}
const leaks = (text: string) => WHOLE_VALUE.test(text) || runSecrets.some((s) => text.includes(s));

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The verdict on one reply: undefined when it is a proper refusal. */
function judge(reply: unknown): string | undefined {
  if (reply === null || typeof reply !== 'object') return `not a result: ${safeJson(reply).slice(0, 80)}`;
  const result = reply as { ok?: unknown; error?: unknown };
  if (result.ok !== false) return 'SUCCESS for a malformed input';
  if (!deskErrorDataSchema.safeParse(result.error).success) return 'an error that is not DeskErrorData';
  if (leaks(safeJson(reply))) return 'a token value in the reply';
  return undefined;
}

const describeCase = (c: FuzzCase) => `${c.channel} [${c.family}] ${c.label.slice(0, 60)}`;

export function buildCases(core: RealCore, seed: number) {
  return allCases({ real: core.real, tokenValue: core.tokenValue, randomRuns: 25, seed });
}

export async function fuzzDispatch(core: RealCore, seed: number): Promise<FuzzFigures> {
  const findings: string[] = [];
  setRunSecrets([core.tokenValue, core.adminToken]);
  // Controls: the harness must see a success and a value when they are there, or it proves nothing.
  const info = await core.dispatch('app.info', {}, core.ctx);
  const reveal = await core.dispatch('values.reveal', { id: core.tokenId, connectionId: core.connectionId }, core.ctx);
  if (!info.ok) findings.push('control: app.info with a valid input did not succeed');
  if (!reveal.ok || !leaks(safeJson(reveal)) || !safeJson(reveal).includes(LEAK)) findings.push('control: values.reveal did not return the value, so the leak search is blind');

  const before = await core.snapshot();
  const eventsBefore = core.events.length;
  const perChannel = buildCases(core, seed);
  const byFamily: Record<string, number> = {};
  let cases = 0;
  for (const { cases: list } of perChannel) {
    for (const c of list) {
      cases++;
      byFamily[c.family] = (byFamily[c.family] ?? 0) + 1;
      let reply: unknown;
      try {
        reply = await core.dispatch(c.channel, c.input, core.ctx);
      } catch (error) {
        findings.push(`${describeCase(c)}: dispatch threw ${error instanceof Error ? error.message.slice(0, 80) : ''}`);
        continue;
      }
      const verdict = judge(reply);
      if (verdict) findings.push(`${describeCase(c)}: ${verdict}`);
    }
  }
  if (leaks(safeJson(core.events.slice(eventsBefore)))) findings.push('a token value in an event pushed during the fuzz');
  if ((await core.snapshot()) !== before) findings.push('malformed input changed the data folder or the keychain');
  return { channels: perChannel.length, cases, byFamily, findings };
}

interface Page {
  ws: WebSocket;
  replies: Map<number, unknown>;
  closed: Promise<number>;
}

function openPage(host: RunningWebHost, secret: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}`, [WS_PROTOCOL, sessionProtocol(secret)], { headers: { Origin: host.origin } });
    const replies = new Map<number, unknown>();
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    const read = serverMessageReader((message) => {
      if (message.type === 'result') replies.set(message.id, message.result);
    });
    ws.on('message', (data) => read(data.toString()));
    ws.on('open', () => resolve({ ws, replies, closed }));
    ws.on('error', reject);
  });
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/** A frame no bridge sends; `expect` is how the host must answer it. */
const badFrames: { label: string; data: string | Buffer; binary?: boolean; expect: 'close' | 'reply' }[] = [
  { label: 'not JSON', data: '{"type":"invoke",', expect: 'close' },
  { label: 'JSON null', data: 'null', expect: 'close' },
  { label: 'JSON array', data: '[1,2]', expect: 'close' },
  { label: 'binary frame', data: Buffer.from([0, 1, 2, 3]), binary: true, expect: 'close' },
  { label: 'frame over 25 MB', data: 'x'.repeat(26 * 1024 * 1024), expect: 'close' },
  { label: 'no type', data: JSON.stringify({ id: 900001, channel: 'app.info', input: {} }), expect: 'reply' },
  { label: 'negative id', data: JSON.stringify({ type: 'invoke', id: -1, channel: 'app.info', input: {} }), expect: 'close' },
  { label: 'string id', data: JSON.stringify({ type: 'invoke', id: '1', channel: 'app.info', input: {} }), expect: 'close' },
  { label: '100 kB channel', data: JSON.stringify({ type: 'invoke', id: 900002, channel: 'a'.repeat(100_000), input: {} }), expect: 'reply' },
  { label: 'prototype key message', data: '{"type":"invoke","id":900003,"channel":"app.info","input":{},"__proto__":{"x":1}}', expect: 'reply' },
];

const unknownChannels = ['no.such', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info ', 'APP.INFO', '', '../app.info', 'idt:TKN-1234-5678:abc'];

export async function fuzzWebSocket(core: RealCore, host: RunningWebHost, secret: string, seed: number): Promise<FuzzFigures & { frames: number }> {
  const findings: string[] = [];
  const byFamily: Record<string, number> = {};
  let page = await openPage(host, secret);
  let nextId = 1;
  let cases = 0;
  const perChannel = buildCases(core, seed);
  const invoke = async (channel: string, input: unknown, label: string) => {
    const id = nextId++;
    page.ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
    if (!(await waitFor(() => page.replies.has(id), 30_000))) return void findings.push(`${label}: no reply over the WebSocket`);
    const verdict = judge(page.replies.get(id));
    if (verdict) findings.push(`${label}: ${verdict} (WebSocket)`);
    page.replies.delete(id);
  };
  for (const { cases: list } of perChannel) {
    for (const c of list.filter((x) => x.json)) {
      cases++;
      byFamily[c.family] = (byFamily[c.family] ?? 0) + 1;
      await invoke(c.channel, c.input, describeCase(c));
    }
  }
  for (const channel of unknownChannels) {
    cases++;
    byFamily['unknown-channel'] = (byFamily['unknown-channel'] ?? 0) + 1;
    await invoke(channel, {}, `unknown channel ${JSON.stringify(channel)}`);
  }
  for (const frame of badFrames) {
    page.ws.send(frame.data, { binary: frame.binary ?? false });
    if (frame.expect === 'close') {
      const code = await Promise.race([page.closed, new Promise<number>((r) => setTimeout(() => r(0), 10_000))]);
      if (code === 0) findings.push(`frame "${frame.label}": the socket was not closed`);
      page = await openPage(host, secret);
    } else {
      const id = JSON.parse(frame.data as string).id as number;
      if (!(await waitFor(() => page.replies.has(id), 5_000))) findings.push(`frame "${frame.label}": no reply`);
      else if (judge(page.replies.get(id))) findings.push(`frame "${frame.label}": ${judge(page.replies.get(id))}`);
    }
  }
  // And it still works: a valid call gets its answer.
  const id = nextId++;
  page.ws.send(JSON.stringify({ type: 'invoke', id, channel: 'app.info', input: {} }));
  if (!(await waitFor(() => page.replies.has(id), 5_000)) || (page.replies.get(id) as { ok?: boolean }).ok !== true) {
    findings.push('after the fuzz a valid app.info over the WebSocket did not succeed');
  }
  page.ws.close();
  return { channels: perChannel.length, cases, frames: badFrames.length, byFamily, findings };
}
