/**
 * A short label in a coloured pill. Tones carry meaning, never alone: the text says it too.
 * neutral: a plain fact. info: a kind or a role. success: works as it should. warning: needs a
 * look. danger: broken or gone.
 */
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  /** A longer explanation on hover; the visible text must still make sense alone. */
  title?: string;
  className?: string;
}

export function Badge({ tone = 'neutral', children, title, className }: BadgeProps) {
  return (
    <span className={className ? `badge badge-${tone} ${className}` : `badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
