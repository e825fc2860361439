/**
 * Builds audit records for API-token events (marketplace-api.md §5.2).
 * INFERRED: the event keys. The documented format is `{platform|extension}.{module}.{object}.{action}`
 * but the real token event names are unknown; `platform.accounts.apiToken.<action>` is a guess.
 */
import type { AccountRecord, AuditAction, AuditRecordJson, IdentityRef } from './model';

const SUMMARY: Record<AuditAction, string> = {
  created: 'API Token Created',
  updated: 'API Token Updated',
  enabled: 'API Token Enabled',
  disabled: 'API Token Disabled',
  deleted: 'API Token Deleted',
};

export interface AuditInput {
  id: string;
  action: AuditAction;
  timestamp: string;
  token: { id: string; name: string };
  /** The token (or user) who acted, and its account. */
  actor: IdentityRef;
  actorAccount: AccountRecord;
  /** The account that owns the token; a viewer together with the actor's account. */
  ownerAccount: AccountRecord;
}

export function auditEventName(action: AuditAction): string {
  return `platform.accounts.apiToken.${action}`;
}

/**
 * Records are immutable once written, so the per-account parts (actor account, viewers) are
 * shared between records: at 100k+ sample records this saves most of the allocation work.
 */
const sharedParts = new WeakMap<AccountRecord, WeakMap<AccountRecord, { account: AuditRecordJson['actor']['account']; viewers: AuditRecordJson['viewers'] }>>();

function partsFor(actorAccount: AccountRecord, ownerAccount: AccountRecord) {
  let byOwner = sharedParts.get(actorAccount);
  if (!byOwner) {
    byOwner = new WeakMap();
    sharedParts.set(actorAccount, byOwner);
  }
  let parts = byOwner.get(ownerAccount);
  if (!parts) {
    const viewers = [{ id: ownerAccount.id, name: ownerAccount.name, type: ownerAccount.type }];
    if (actorAccount.id !== ownerAccount.id) viewers.push({ id: actorAccount.id, name: actorAccount.name, type: actorAccount.type });
    parts = { account: { id: actorAccount.id, name: actorAccount.name, accountType: actorAccount.type }, viewers };
    byOwner.set(ownerAccount, parts);
  }
  return parts;
}

export function buildAuditRecord(input: AuditInput): AuditRecordJson {
  const parts = partsFor(input.actorAccount, input.ownerAccount);
  return {
    id: input.id,
    event: auditEventName(input.action),
    summary: SUMMARY[input.action],
    details: `The API token ${input.token.id} "${input.token.name}" has been ${input.action} by ${input.actor.name} (${input.actor.id}).`,
    object: { id: input.token.id, name: input.token.name, objectType: 'ApiToken' },
    timestamp: input.timestamp,
    actor: { id: input.actor.id, name: input.actor.name, account: parts.account },
    type: 'Public',
    viewers: parts.viewers,
  };
}
