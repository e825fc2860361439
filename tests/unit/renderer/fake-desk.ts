/**
 * A fake `window.desk` (the renderer's only boundary) for component tests. Importing this
 * module installs it, so import it BEFORE anything from renderer/src (desk.ts reads
 * window.desk when it is first imported).
 */
import type { DeskBridge } from '../../../common/channel-names';
import type { Channel, EventName, TokenView } from '../../../common/contract';
import type { DeskErrorData, DeskResult } from '../../../common/errors';
import { DEFAULT_DESKTOP_SETTINGS, type DesktopSettings } from '../../../common/quick-access';

export type Handler = (input: any) => unknown;

export class FakeDeskError {
  constructor(readonly data: DeskErrorData) {}
}

export interface FakeDesk extends DeskBridge {
  handlers: Partial<Record<Channel, Handler>>;
  calls: { channel: Channel; input: unknown }[];
  emit(event: EventName, payload: unknown): void;
  reset(): void;
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

export const fakeDesk: FakeDesk = {
  handlers: {},
  calls: [],
  async invoke(channel, input): Promise<DeskResult<unknown>> {
    fakeDesk.calls.push({ channel, input });
    const handler = fakeDesk.handlers[channel];
    if (!handler) return { ok: false, error: { code: 'internal', message: `No fake for ${channel}` } };
    try {
      return { ok: true, value: await handler(input) };
    } catch (error) {
      if (error instanceof FakeDeskError) return { ok: false, error: error.data };
      return { ok: false, error: { code: 'internal', message: String(error) } };
    }
  },
  on(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
  emit(event, payload) {
    for (const l of [...(listeners.get(event) ?? [])]) l(payload);
  },
  reset() {
    fakeDesk.handlers = {};
    fakeDesk.calls = [];
    listeners.clear();
  },
};

(globalThis as unknown as { window: Window }).window.desk = fakeDesk;

// jsdom has no layout: give elements a size so the virtualizer renders rows.
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1000 });
if (!Element.prototype.scrollTo) Element.prototype.scrollTo = function scrollTo() {} as typeof Element.prototype.scrollTo;

const DAY = 86_400_000;
export const NOW = Date.now();
export const daysAgo = (d: number) => new Date(NOW - d * DAY).toISOString();

let seq = 1000;
export function makeToken(overrides: Partial<TokenView> & { createdBy?: { id: string; name: string }; createdAt?: string } = {}): TokenView {
  const n = seq++;
  const { createdBy, createdAt, ...rest } = overrides;
  return {
    id: `TKN-0000-${String(n).padStart(4, '0')}`,
    name: `Token ${n}`,
    description: null,
    icon: null,
    status: 'Active',
    lastAccessAt: daysAgo(1),
    account: { id: 'ACC-1111-2222', name: 'Stark Industries', type: 'Client', status: 'Active' },
    modules: [{ id: 'MOD-1756', name: 'Access Management' }],
    audit: { created: { at: createdAt ?? daysAgo(100), by: createdBy ?? { id: 'USR-0000-0001', name: 'Anna Smith' } } },
    revision: 1,
    hasValue: false,
    ...rest,
  } as TokenView;
}

export function listOf(tokens: TokenView[]) {
  return { tokens, fetchedAt: new Date(NOW).toISOString() };
}

export const CONNECTION = {
  id: 'c1',
  name: 'Sandbox',
  baseUrl: 'https://api.example.test',
  account: { id: 'ACC-1111-2222', name: 'Stark Industries', type: 'Client' as const },
  adminTokenId: 'TKN-9999-9999',
  createdAt: daysAgo(10),
  lastUsedAt: daysAgo(0),
};

/** Standard answers: empty cache, this list on sync, the sandbox connection. */
export function serveTokens(tokens: TokenView[]) {
  fakeDesk.handlers['tokens.cached'] = () => ({ tokens: [], fetchedAt: null });
  fakeDesk.handlers['tokens.sync'] = () => listOf(tokens);
  fakeDesk.handlers['connections.list'] = () => ({ connections: [CONNECTION], activeId: 'c1' });
  fakeDesk.handlers['tokens.get'] = ({ id }: { id: string }) => {
    const t = tokens.find((x) => x.id === id);
    if (!t) throw new FakeDeskError({ code: 'not_found', message: 'Not found' });
    return t;
  };
}

/** Settings as main keeps them (the defaults, then every `settings.set` merged in), with no shortcut and no secret clipboard. */
export function serveSettings() {
  let settings: DesktopSettings = { ...DEFAULT_DESKTOP_SETTINGS };
  const view = () => ({ shortcut: null, secretClipboard: false, settings });
  fakeDesk.handlers['settings.get'] = view;
  fakeDesk.handlers['settings.set'] = (patch: Partial<DesktopSettings>) => {
    settings = { ...settings, ...patch };
    return view();
  };
}

/** Every `settings.set` the page sent, in order. */
export const settingsSets = () => fakeDesk.calls.filter((c) => c.channel === 'settings.set').map((c) => c.input);

/** A promise you settle from the test. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
