/** Shared set-up for the API client ↔ sandbox integration tests (real HTTP on 127.0.0.1). */
import { DeskError } from '../../../common/errors';
import { createMarketplaceClient, type MarketplaceClient, type MarketplaceClientOptions } from '../../../main/core/api/index';
import type { RunningSandbox, SandboxAccount } from '../../../main/sandbox/index';

export type AccountType = SandboxAccount['type'];

export function account(sb: RunningSandbox, type: AccountType): SandboxAccount {
  const a = sb.accounts.find((x) => x.type === type);
  if (!a) throw new Error(`sandbox has no ${type} account`);
  return a;
}

export function clientFor(sb: RunningSandbox, typeOrToken: AccountType | string, over: Partial<MarketplaceClientOptions> = {}): MarketplaceClient {
  const token = typeOrToken.startsWith('idt:') ? typeOrToken : account(sb, typeOrToken as AccountType).adminToken;
  return createMarketplaceClient({ baseUrl: sb.url, token, appVersion: '0.0.0-test', retry: { baseDelayMs: 2, maxDelayMs: 20 }, ...over });
}

/** The DeskError a promise rejects with (fails the test if it resolves or throws something else). */
export async function deskError(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw new Error(`expected a DeskError, got ${String(e)}`);
  }
  throw new Error('expected a rejection, but the call succeeded');
}

export const ACCESS_MANAGEMENT = 'MOD-1756';
export const MARKETPLACE = 'MOD-0478';
