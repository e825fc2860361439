/**
 * A token's audit trail: newest first, paged. The first page of each token is cached so the
 * details' Audit tab still shows something offline (later pages are not kept: the cache holds
 * up to 500 first pages per connection, not whole histories).
 */
import type { z } from 'zod';
import type { auditPageSchema } from '../../../common/contract';
import type { CoreServices } from '../services';
import { isUnreachable, offlineNotice } from './offline';

export type AuditPage = z.output<typeof auditPageSchema>;

export async function tokenAudit(services: CoreServices, input: { id: string; offset: number; limit: number }): Promise<AuditPage> {
  const { profile, client } = await services.session();
  try {
    // render(): the server fills the `details` templates (as the official client does).
    const page = await client.audit.listForObject(input.id, { offset: input.offset, limit: input.limit, order: ['-timestamp'], render: true });
    let fetchedAt = new Date().toISOString();
    if (input.offset === 0) fetchedAt = services.cache.putAudit(profile.id, input.id, page.items).fetchedAt;
    return { items: page.items, total: page.total, offset: page.offset, limit: page.limit, fetchedAt };
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    const cached = services.cache.getAudit(profile.id, input.id);
    const all = cached?.items ?? [];
    return {
      items: all.slice(input.offset, input.offset + input.limit),
      // Only the first page is known offline, so that is all the pager may offer.
      total: all.length,
      offset: input.offset,
      limit: input.limit,
      fetchedAt: cached?.fetchedAt ?? null,
      offline: offlineNotice(cached?.fetchedAt ?? null),
    };
  }
}
