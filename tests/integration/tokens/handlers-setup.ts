/**
 * The shared ground of the token handler suites (tokens-*.test.ts): the real handler table
 * (createDispatch(createHandlerTable(...))) with real services over a real sandbox, real conf
 * files and the real keychain, one connection to the sandbox's Client account, and the closing
 * search for token values on disk and in events.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { TokenView } from '../../../common/contract';
import type { ApiToken } from '../../../common/domain';
import { createMarketplaceClient, type MarketplaceClient } from '../../../main/core/api';
import { filesUnder, startHarness, type Harness } from './harness';

export const TOKENS_PER_ACCOUNT = 130; // > 100: the sync needs more than one page

export let h: Harness;
/** A second administrator on the same account (another Token Desk, the portal…). */
export let other: MarketplaceClient;
export let adminTokenId: string;
export let connectionId: string;
/** Every secret the suite handled, searched for on disk and in events at the end. */
export const secrets = new Set<string>();

export const progressEvents = () => h.events.filter((e) => e.event === 'tokens.progress').map((e) => e.payload as { loaded: number; total: number });
export const activeOthers = (list: TokenView[]) => list.filter((t) => t.status === 'Active' && t.id !== adminTokenId);
export const cachedById = (id: string) =>
  (h.services.cache.getTokens(connectionId)?.items as unknown as ApiToken[] | undefined)?.find((t) => t.id === id);

/** Registers the suite's hooks; call at the top of the suite's describe. */
export function useTokenHandlers(): void {
  beforeAll(async () => {
    // legacyReveal: the old API behaviour where list and get carry every `token` value
    // (marketplace-api.md §2.2). The worst case for leaks: views, cache and events must drop them.
    h = await startHarness({ tokensPerAccount: TOKENS_PER_ACCOUNT, seed: 7, legacyReveal: true });
    const admin = h.sandbox.accounts.find((a) => a.type === 'Client')!;
    secrets.add(admin.adminToken);
    adminTokenId = admin.adminTokenId;
    other = createMarketplaceClient({ baseUrl: h.sandbox.url, token: admin.adminToken, appVersion: 'test', retry: { maxAttempts: 1 } });
    const profile = await h.services.connections.add({ name: 'Stark (sandbox)', baseUrl: h.sandbox.url, token: admin.adminToken });
    connectionId = profile.id;
  });

  afterAll(async () => {
    await h?.close();
  });
}

/**
 * The body of each suite's last test: no token value in any file on disk, nor in any event.
 * `moreEventsThan` is below what the suite's calls emit, so a search over no events fails.
 */
export function expectNoTokenValueWritten(moreEventsThan: number): void {
  const files = filesUnder(h.dir);
  expect(files.map((f) => f.file).some((f) => f.endsWith('cache.json'))).toBe(true);
  expect(files.map((f) => f.file).some((f) => f.endsWith('settings.json'))).toBe(true);
  for (const { file, text } of files) {
    expect(text, file).not.toContain('idt:TKN-');
    for (const s of secrets) expect(text, file).not.toContain(s.split(':')[2]);
  }
  const events = JSON.stringify(h.allEvents);
  expect(h.allEvents.length).toBeGreaterThan(moreEventsThan);
  for (const s of secrets) expect(events).not.toContain(s.split(':')[2]);
}
