/**
 * A page of the app: a section named by its header's title, with the header and the page's
 * content in one vertical rhythm. Its width is not its own: the shell's page frame
 * (`.page-frame`, ui/base.css) gives every view the same width, so tables, forms and cards line
 * up from page to page.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';
import type { PageHeaderProps } from './PageHeader';

export interface PageProps extends Omit<PageHeaderProps, 'id'> {
  /** The title's id, where tests or links name it; one is made up otherwise. */
  titleId?: string;
  className?: string;
  children?: ReactNode;
}

export function Page({ titleId, className, children, ...header }: PageProps) {
  const made = useId();
  const id = titleId ?? made;
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby={id}>
      <PageHeader id={id} {...header} />
      {children}
    </section>
  );
}
