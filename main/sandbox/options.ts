/** Public option and handle types of the sandbox (re-exported by index.ts). */
import type { AccountType } from './modules-catalogue';
import type { FaultCounts } from './faults';
import type { HostileMode } from './hostile';

export interface FaultOptions {
  /** Added delay per request. */
  latencyMs?: number;
  /** 0..1 share of requests answered 500/502/503 (ProblemDetails); the request is NOT processed. */
  errorRate?: number;
  /** 0..1 share answered 429 with Retry-After; the request is NOT processed. */
  rateLimitRate?: number;
  /** Default 1. */
  retryAfterSeconds?: number;
  /** 0..1 share of connections destroyed without an answer. */
  dropRate?: number;
  /** 'after' (default): the request WAS processed, then the socket is destroyed (a lost answer). */
  dropPhase?: 'before' | 'after';
  /** 0..1 share of GETs answered 200 with a truncated JSON body (never applied to mutations). */
  malformedRate?: number;
  /** Seed of the fault choice; the same seed gives the same sequence of faults. */
  seed?: number;
  /** Every successful GET answered as a hostile server would (hostile.ts); for the limit tests. */
  hostile?: HostileMode;
}

export interface SandboxAccount {
  id: string;
  name: string;
  type: 'Client' | 'Vendor' | 'Operations';
  adminTokenId: string;
  /** Full value `idt:TKN-…:…`. */
  adminToken: string;
}

export interface SandboxAccountSpec {
  type: AccountType;
  /** Default: "Stark Industries" / "Globex Software" / "SoftwareOne Operations" by type. */
  name?: string;
  /** Sample tokens besides the admin token. Default: `tokensPerAccount`. */
  tokens?: number;
}

export interface SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (random free port). */
  port?: number;
  seed?: number;
  /** Sample tokens per account besides the admin token. Default 25. */
  tokensPerAccount?: number;
  /**
   * Which accounts exist, in order, each with its own number of sample tokens (default
   * `tokensPerAccount`) and name (default: the sample account of that type). Default: the three
   * sample accounts (Client, Vendor, Operations). E.g. one Client with 10,000 tokens:
   * `accounts: [{ type: 'Client', tokens: 10_000 }]`.
   */
  accounts?: SandboxAccountSpec[];
  /** Historic audit records for the sample tokens. Default true. */
  auditHistory?: boolean;
  /** At least this many historic audit records per account (large histories for tests and benchmarks). */
  auditRecordsPerAccount?: number;
  faults?: FaultOptions;
  /** Old API behaviour: GET and list return `token` (§2.2). Default false (v5: value only on create). */
  legacyReveal?: boolean;
  /** Enable on Active / disable on Disabled: 400 ('error', default) or 200 no-op ('noop'). */
  wrongStateMode?: 'error' | 'noop';
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  port: number;
  accounts: SandboxAccount[];
  setFaults(f: FaultOptions): void;
  /** Requests served, creates processed, and faults injected by kind. */
  stats(): { requests: number; creates: number; faults: FaultCounts };
  close(): Promise<void>;
}
