/**
 * Validate a decoded response body with a domain schema. A body that does not fit is the
 * server's fault ('server'), reported with the first offending path, never the body itself
 * (it may contain a token value).
 */
import type { z } from 'zod';
import { DeskError } from '../../../common/errors';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.output<S>;
  const issue = parsed.error.issues[0];
  const where = issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : '';
  throw new DeskError({ code: 'server', message: `The Marketplace sent ${what} that Token Desk cannot read${where}.` });
}

/** Path segment for an id: encoded, so an odd id can never change the path. */
export function idSegment(id: string, label: string): string {
  const trimmed = id.trim();
  if (!trimmed) throw new DeskError({ code: 'validation', message: `The ${label} id is empty.` });
  return encodeURIComponent(trimmed);
}
