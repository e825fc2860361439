/**
 * API audit records → the compact entries Token Desk caches and shows (common/audit-log.ts),
 * and entries ↔ the tuples the cache files hold (an array per entry instead of an object:
 * 100,000 entries without repeated key names stay well under the size budget).
 */
import type { AuditEntry } from '../../../common/audit-log';
import type { AuditRecord } from '../../../common/domain';
import { maskTokenValues } from '../../../common/token-value';

/**
 * The account that owns the token: the record's viewers are the owner's account and, when
 * someone else acted, the actor's (§5.2). INFERRED: a non-Operations viewer is the owner
 * (Operations sees every account's records); failing that, the actor's account.
 */
function ownerOf(record: AuditRecord): AuditEntry['account'] {
  const viewers = (record.viewers ?? []) as Array<{ id: string; name?: unknown; type?: unknown }>;
  const owner = viewers.find((v) => v.type !== 'Operations') ?? viewers[0];
  if (owner) return { id: owner.id, name: typeof owner.name === 'string' ? owner.name : owner.id };
  const account = record.actor?.account;
  return account?.id ? { id: account.id, name: account.name ?? account.id } : null;
}

/** Time as `toISOString()` writes it, so entries compare as strings; unreadable times sort oldest. */
export function normaliseTime(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? '0000-01-01T00:00:00.000Z' : new Date(ms).toISOString();
}

/** Free texts are masked again here: an audit text must never carry a token value to disk or screen. */
export function entryOf(record: AuditRecord): AuditEntry {
  const objectId = record.object?.id ?? '';
  return {
    id: record.id,
    timestamp: normaliseTime(record.timestamp),
    event: record.event ?? '',
    summary: maskTokenValues(record.summary ?? ''),
    details: maskTokenValues(record.details ?? ''),
    token: { id: objectId, name: maskTokenValues(record.object?.name ?? objectId) },
    actor: { id: record.actor?.id ?? '', name: maskTokenValues(record.actor?.name ?? record.actor?.id ?? '') },
    account: ownerOf(record),
  };
}

export type EntryTuple = [string, string, string, string, string, string, string, string, string, string, string];

export function toTuple(e: AuditEntry): EntryTuple {
  return [e.id, e.timestamp, e.event, e.summary, e.details, e.token.id, e.token.name, e.actor.id, e.actor.name, e.account?.id ?? '', e.account?.name ?? ''];
}

/** Undefined when the tuple is not one (a damaged or foreign file). */
export function fromTuple(t: unknown): AuditEntry | undefined {
  if (!Array.isArray(t) || t.length !== 11 || !t.every((v) => typeof v === 'string')) return undefined;
  const [id, timestamp, event, summary, details, tokenId, tokenName, actorId, actorName, accountId, accountName] = t as EntryTuple;
  return { id, timestamp, event, summary, details, token: { id: tokenId, name: tokenName }, actor: { id: actorId, name: actorName }, account: accountId ? { id: accountId, name: accountName } : null };
}
