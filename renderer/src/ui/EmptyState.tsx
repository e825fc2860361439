/**
 * What a page shows when it has nothing to list: what is missing (title), one sentence on why or
 * what it would hold, and the next step as an action, so an empty page is never a dead end.
 */
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children: ReactNode;
  /** The next step: a Button (or a few). */
  action?: ReactNode;
  /** The title's heading level under the page's h1. */
  level?: 2 | 3;
}

export function EmptyState({ title, children, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <Heading className="empty-state-title">{title}</Heading>
      <p className="empty-state-text">{children}</p>
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
