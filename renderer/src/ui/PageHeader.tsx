/**
 * The top of every page: its title (the page's one h1), an optional sentence under it, badges
 * beside the title, and the page's actions at the right (they wrap below on a narrow window).
 */
import type { ReactNode, Ref } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Beside the title: status, kind (Badges). */
  badges?: ReactNode;
  /** The page's actions, primary last. */
  actions?: ReactNode;
  /** The title's id, for the page's aria-labelledby. */
  id?: string;
  /** Given when the page moves focus to its title (a view opened from a list): the title then takes focus. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function PageHeader({ title, subtitle, badges, actions, id, headingRef }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-heading">
        <div className="page-title-row">
          <h1 id={id} className="page-title" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {title}
          </h1>
          {badges && <span className="page-badges">{badges}</span>}
        </div>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
