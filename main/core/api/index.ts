/**
 * The Marketplace API client. Plain Node 20 (global fetch, FormData, Blob); no Electron.
 *
 *   const api = createMarketplaceClient({ baseUrl, token, appVersion });
 *   const me = await api.whoAmI();
 *   const all = await api.tokens.listAll({ filter: rql.eq('status', 'Active') }, { onProgress });
 */
import type { WhoAmI } from '../../../common/domain';
import { createAuditApi, type AuditApi } from './audit';
import { HttpClient, type CallOptions, type RetryOptions } from './http';
import type { NetworkLimits } from './limits';
import { createModulesApi, type ModulesApi } from './modules';
import { createTokensApi, type TokensApi } from './tokens';
import { whoAmIWith } from './whoami';

export interface MarketplaceClientOptions {
  /** `https://api.platform.softwareone.com`, or http on a loopback host for the sandbox. */
  baseUrl: string;
  /** The admin's API token value `idt:TKN-…:…`. */
  token: string;
  /** Goes into `User-Agent: TokenDesk/<version> (<platform>)`. */
  appVersion: string;
  /** Per attempt; default 30 000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Bounds on bodies and lists (limits.ts); tests lower them. */
  limits?: Partial<NetworkLimits>;
  fetch?: typeof fetch;
}

export interface MarketplaceClient {
  readonly baseUrl: string;
  tokens: TokensApi;
  modules: ModulesApi;
  audit: AuditApi;
  whoAmI(opts?: CallOptions): Promise<WhoAmI>;
}

export function createMarketplaceClient(options: MarketplaceClientOptions): MarketplaceClient {
  const http = new HttpClient(options);
  return {
    baseUrl: http.baseUrl,
    tokens: createTokensApi(http),
    modules: createModulesApi(http),
    audit: createAuditApi(http),
    whoAmI: (opts) => whoAmIWith(http, opts),
  };
}

export * as rql from './rql';
export { buildQuery, contains, startsWith, endsWith, exactly, pattern, ANY, type Rql, type QueryParts } from './rql';
export { HttpClient, normaliseBaseUrl, type CallOptions, type RetryOptions, type HttpClientOptions } from './http';
export { fetchAll, fetchAllFrom, iteratePages, hasNextPage, listFetcher, parseListEnvelope, MAX_PAGE_SIZE, type FetchAllOptions, type PageFetcher } from './pagination';
export { parseTokenValue, readTokenValue, whoAmI, LEGACY_TOKEN_HINT, type ParsedTokenValue } from './whoami';
export { NETWORK_LIMITS, type NetworkLimits } from './limits';
export { errorFromResponse, extractFieldErrors, offlineError, timeoutError } from './errors';
export type { TokensApi, TokenListQuery } from './tokens';
export type { ModulesApi } from './modules';
export type { AuditApi } from './audit';
