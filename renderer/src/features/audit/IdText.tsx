/**
 * Text with Marketplace ids in it ("… by Tony Stark (USR-6455-9502)"): each id is kept on one
 * line. A browser may break a line after any hyphen, and an id cut in two ("USR-6455-⏎9502")
 * can no longer be read, searched or compared at a glance.
 */
import type { ReactNode } from 'react';

/** Marketplace ids: three capitals, then groups of four digits (TKN-1234-5678, MOD-1234, USR-6455-9502). */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const ID = /\b[A-Z]{3}(?:-\d{4})+\b/g;

export function IdText({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ID)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <span key={at} style={NO_WRAP}>
        {match[0]}
      </span>,
    );
    last = at + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
