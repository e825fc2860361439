/**
 * A button that shows only an icon. An icon alone says nothing to a screen reader and little to
 * a newcomer, so the name is required: it is the button's accessible name and its tooltip (on
 * hover and on keyboard focus). An empty name is a programming error and fails loudly.
 */
import type { ReactNode } from 'react';
import { Button } from './Button';
import type { ButtonProps } from './Button';
import { Tooltip } from './Tooltip';

export interface IconButtonProps extends Omit<ButtonProps, 'aria-label' | 'aria-labelledby' | 'children' | 'title'> {
  /** The accessible name, e.g. "Copy value of Billing sync"; also the tooltip unless `tooltip` is given. */
  label: string;
  icon: ReactNode;
  /** A shorter or richer tooltip ("Copy value", with a shortcut); the accessible name stays `label`. */
  tooltip?: ReactNode;
  tooltipSide?: 'top' | 'bottom' | 'left' | 'right';
}

export function IconButton({ label, icon, tooltip, tooltipSide, variant = 'quiet', className, ...rest }: IconButtonProps) {
  if (!label.trim()) throw new Error('IconButton needs a label: it is the button’s only name.');
  return (
    <Tooltip content={tooltip ?? label} side={tooltipSide}>
      <Button variant={variant} className={className ? `btn-icon ${className}` : 'btn-icon'} aria-label={label} {...rest}>
        <span className="btn-icon-glyph" aria-hidden="true">
          {icon}
        </span>
      </Button>
    </Tooltip>
  );
}
