/**
 * Internal records of the sandbox. The API shapes (views) are built from these; a token record
 * never holds its plaintext value, only its SHA-256 hash (unless legacy reveal is on).
 */
import type { AccountType } from './modules-catalogue';

export type TokenStatus = 'Active' | 'Disabled' | 'Deleted';

export interface IdentityRef {
  id: string;
  name: string;
}

export interface EventStamp {
  at: string;
  by: IdentityRef;
}

export interface AccountRecord {
  id: string;
  name: string;
  type: AccountType;
  status: 'Active';
  icon: string;
}

export interface TokenRecord {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  status: TokenStatus;
  lastAccessAt: string | null;
  accountId: string;
  moduleIds: string[];
  extensionIds: string[] | null;
  revision: number;
  created: EventStamp;
  updated: EventStamp | null;
  /** hex SHA-256 of the full value `idt:TKN-…:secret`; null = value unknown (sample data), never authenticates. */
  tokenHash: string | null;
  /** Only kept when the sandbox runs with `legacyReveal` (old API behaviour, §2.2). */
  legacyValue?: string;
}

export interface AuditRecordJson {
  id: string;
  event: string;
  summary: string;
  details: string;
  object: { id: string; name: string; objectType: string };
  timestamp: string;
  actor: { id: string; name: string; account: { id: string; name: string; accountType: string } };
  type: 'Public' | 'Private';
  viewers: Array<{ id: string; name: string; type: string }>;
}

export type AuditAction = 'created' | 'updated' | 'enabled' | 'disabled' | 'deleted';
