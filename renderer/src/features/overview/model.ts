/**
 * The Overview page's view of main's numbers (common/overview.ts): which scope is asked for,
 * and the words the page puts on them.
 */
import type { FindingKind, Overview } from '../../../../common/overview';

export type OverviewResult = Overview;

/** The page's scope switch: the active connection, or every saved connection. */
export type OverviewScope = 'connection' | 'all';

/** The page's own time zone: the audit chart's days are the user's calendar days. */
export function pageTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Tue, Nov 3" for a YYYY-MM-DD day (read as a calendar day, whatever the zone). */
export function dayText(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : dayFormat.format(ms);
}

/** Why each finding matters, in one sentence under its heading. */
export const FINDING_WHY: Readonly<Record<FindingKind, string>> = {
  unused: 'An integration that stopped using a token does not need it: disable it, and delete it once nothing breaks.',
  neverUsed: 'Made but never put to use: probably forgotten, or its value never reached anyone.',
  accessManagement: 'Can create and change tokens: whoever holds it holds the account.',
  allModules: 'Every module is more than most integrations need: narrow it, or rotate into one that holds less.',
  disabledLong: 'Disabled and left: if nothing missed it, it can go.',
  rotationInUse: 'The replacement exists, but something still signs in with the old token.',
};
