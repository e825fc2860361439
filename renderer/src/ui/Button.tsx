import type { ButtonHTMLAttributes } from 'react';

/**
 * primary: the one main action of a view or dialog. secondary: any other action. quiet: a
 * low-weight action beside content (Clear filters, Back, Dismiss). danger: an action that
 * destroys or cuts access. `ghost` is the older name of quiet, kept so callers read the same.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
}

/** The class list of a button with the app's looks, for elements that must render their own tag (a menu trigger, a label). */
export function buttonClass(variant: ButtonVariant = 'secondary', size: 'normal' | 'small' = 'normal', extra?: string): string {
  const name = variant === 'ghost' ? 'quiet' : variant;
  return ['btn', `btn-${name}`, size === 'small' ? 'btn-small' : '', extra ?? ''].filter(Boolean).join(' ');
}

/** A plain button with the app's looks; `type="button"` unless told otherwise. */
export function Button({ variant = 'secondary', size = 'normal', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}
