/** An in-app link: a real `<a href>` (its address shows, it can be copied), followed without a reload. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useRouter } from './router';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An app path, e.g. `pathTo('audit')`. */
  to: string;
  /** Called after an in-app navigation (e.g. to remember which tab to open). */
  onNavigate?: () => void;
}

/** A plain left click stays in the app; modified clicks keep what the browser does with them. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

export function Link({ to, onNavigate, onClick, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (!isPlainClick(event)) return;
        event.preventDefault();
        onNavigate?.();
        useRouter.getState().navigate(to);
      }}
    />
  );
}
