/**
 * The digest's words: what needs attention across every connection, counted by kind, in one
 * short notification ("3 tokens unused for 90+ days, 1 rotation whose old token is still in
 * use"). Counts and kinds only: never a token's name or value, since a notification is shown on
 * a locked screen and kept in the OS's notification history.
 */
import { FINDING_KINDS, type FindingKind, type Overview } from '../../../common/overview';
import type { DigestMessage } from './runner';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function phrase(kind: FindingKind, n: number, staleDays: number): string {
  switch (kind) {
    case 'unused':
      return `${plural(n, 'token', 'tokens')} unused for ${staleDays}+ days`;
    case 'neverUsed':
      return `${plural(n, 'token', 'tokens')} never used since created`;
    case 'accessManagement':
      return `${plural(n, 'token holds', 'tokens hold')} Access Management`;
    case 'allModules':
      return `${plural(n, 'token holds', 'tokens hold')} every module`;
    case 'disabledLong':
      return `${plural(n, 'token', 'tokens')} disabled for ${staleDays}+ days`;
    case 'rotationInUse':
      return `${plural(n, 'rotation', 'rotations')} whose old token is still in use`;
  }
}

export function digestOf(overview: Overview): DigestMessage {
  const { counts, total } = overview.attention;
  const where = overview.connections.length === 1 ? 'in 1 connection' : `across ${overview.connections.length} connections`;
  if (total === 0) {
    return { title: 'Token Desk: nothing needs attention', body: `Nothing needs attention ${where}.`, count: 0 };
  }
  const parts = FINDING_KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => phrase(k, counts[k]!, overview.rules.staleDays));
  return {
    title: `Token Desk: ${plural(total, 'finding needs', 'findings need')} attention`,
    body: `${parts.join(', ')} (${where}). Click to open the Overview.`,
    count: total,
  };
}
