/**
 * The app's one menu button (the WAI-ARIA menu button pattern), on Radix's dropdown menu so
 * every menu behaves alike: Enter, Space or ArrowDown open it on the first item, ArrowUp on the
 * last, a click on the menu itself; arrows, Home, End and typing move; Escape, Tab or a click
 * elsewhere close it, and focus goes back to the button unless the user clicked elsewhere;
 * scrolling or resizing closes it too.
 *
 * The menu is portalled to <body>: a menu inside a grid row would be cut off by the row's
 * clipping. React still bubbles the portal's events through the component tree, so the menu's
 * keys are kept from whatever holds the button (the grid must not move its focused row).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { CheckIcon } from './icons';
import './menu.css';

export interface MenuEntry {
  key: string;
  label: ReactNode;
  /** The item's accessible name where its label alone is ambiguous ("Disable" → "Disable Billing sync"). */
  name?: string;
  danger?: boolean;
  /** Marks the item that stands for the current choice (aria-current, and a check mark in a `checks` menu). */
  current?: boolean;
  /** Draws a separator line before the item. */
  separated?: boolean;
  /**
   * Shown but not offered, with why (drawn under the label and read as the item's description).
   * The item keeps its place in the arrow-key order, so keyboard and screen-reader users meet
   * the reason too; choosing it does nothing and leaves the menu open.
   */
  disabledReason?: string;
  /** Runs once the menu has closed and focus is back on the button. */
  onSelect(): void;
}

export interface MenuProps {
  /** The menu's accessible name. */
  label: string;
  items: readonly MenuEntry[];
  /** The button: its accessible name, what it shows, and its class. */
  button: { name: string; content: ReactNode; className: string; title?: string; tabIndex?: number };
  /** An extra class on the menu (its width, its items' padding). */
  className?: string;
  /** A menu of choices: every item keeps a column for the check mark of the current one, so labels line up. */
  checks?: boolean;
  /**
   * What the menu acts on (a token's id), when the same menu may be shown for another one (a
   * grid reuses its rows as the list changes): an open menu closes as soon as this changes.
   */
  subject?: string;
}

export function Menu({ label, items, button, className, checks = false, subject }: MenuProps) {
  // Open for one subject: the same render that shows another subject shows the menu closed.
  const [openFor, setOpenFor] = useState<{ subject: string | undefined } | null>(null);
  // Forgotten as soon as another subject shows, so the menu does not open again when the first comes back.
  if (openFor !== null && openFor.subject !== subject) setOpenFor(null);
  const open = openFor !== null && openFor.subject === subject;
  const setOpen = (next: boolean) => setOpenFor(next ? { subject } : null);
  const menuId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  /** Which end of the menu takes focus when the arrow keys open it. */
  const startAt = useRef<'first' | 'last' | null>(null);
  /** The chosen item's action, run once focus is back on the button (a dialog it opens then returns focus there). */
  const pending = useRef<(() => void) | null>(null);

  // Opened with an arrow key: the item at that end takes focus once Radix has placed and focused
  // the menu. (Enter and Space focus the first item through Radix; a click focuses the menu.)
  useEffect(() => {
    if (!open || !startAt.current) return;
    const frame = requestAnimationFrame(() => {
      const all = [...(contentRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      (startAt.current === 'last' ? all[all.length - 1] : all[0])?.focus({ preventScroll: true });
      startAt.current = null;
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);

  // Scrolling or resizing moves the button away from the menu (a grid row may scroll out of
  // sight): the menu closes rather than float over something else.
  useEffect(() => {
    if (!open) return;
    const onMove = (event: Event) => {
      if (!contentRef.current?.contains(event.target as Node)) setOpenFor(null);
    };
    window.addEventListener('scroll', onMove, true);
    window.addEventListener('resize', onMove);
    return () => {
      window.removeEventListener('scroll', onMove, true);
      window.removeEventListener('resize', onMove);
    };
  }, [open]);

  function onTriggerKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    // Also keeps a grid around the button from moving to the next row.
    event.preventDefault();
    event.stopPropagation();
    startAt.current = event.key === 'ArrowUp' ? 'last' : 'first';
    setOpen(true);
  }

  function onMenuKey(event: KeyboardEvent) {
    event.stopPropagation();
    if (event.key === 'Tab') {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenu.Trigger ref={triggerRef} className={button.className} aria-label={button.name} title={button.title} tabIndex={button.tabIndex} onKeyDown={onTriggerKey}>
        {button.content}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={contentRef}
          className={className ? `menu ${className}` : 'menu'}
          aria-label={label}
          aria-labelledby={undefined}
          side="bottom"
          align="end"
          sideOffset={4}
          collisionPadding={4}
          loop
          onKeyDown={onMenuKey}
          onCloseAutoFocus={(event) => {
            const run = pending.current;
            if (!run) return;
            pending.current = null;
            event.preventDefault();
            triggerRef.current?.focus();
            run();
          }}
        >
          {items.map((item) => [
            item.separated ? <DropdownMenu.Separator key={`${item.key}-separator`} className="menu-separator" /> : null,
            <DropdownMenu.Item
              key={item.key}
              asChild
              onSelect={(event) => {
                if (item.disabledReason !== undefined) event.preventDefault();
                else pending.current = item.onSelect;
              }}
            >
              <button
                type="button"
                className={['menu-item', item.danger ? 'danger' : '', item.disabledReason !== undefined ? 'is-disabled' : ''].filter(Boolean).join(' ')}
                aria-label={item.name}
                aria-current={item.current ? 'true' : undefined}
                aria-disabled={item.disabledReason !== undefined ? true : undefined}
                aria-describedby={item.disabledReason !== undefined ? `${menuId}-${item.key}-why` : undefined}
              >
                {checks && <span className="menu-check">{item.current && <CheckIcon />}</span>}
                {item.label}
                {item.disabledReason !== undefined ? (
                  <span id={`${menuId}-${item.key}-why`} className="menu-item-reason">
                    {item.disabledReason}
                  </span>
                ) : null}
              </button>
            </DropdownMenu.Item>,
          ])}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
