/**
 * A short label that appears beside a control on hover and on keyboard focus, on Radix's tooltip
 * (Escape closes it, it never takes focus, the trigger is described by it while it shows).
 *
 * Each tooltip brings its own provider so a primitive can be dropped anywhere (a Quick Access
 * window, a test) without an app-wide wrapper. The content is portalled next to the nearest open
 * <dialog>: a modal dialog sits in the browser's top layer, above anything portalled to <body>.
 */
import { useRef, useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import * as TooltipPrimitive from '@radix-ui/react-tooltip';

export interface TooltipProps {
  content: ReactNode;
  /** One element that can take focus (a button); it receives the trigger's handlers and ref. */
  children: ReactElement;
  side?: 'top' | 'bottom' | 'left' | 'right';
}

/** Long enough not to flash while the pointer crosses a toolbar, short enough to answer a pause. */
const OPEN_DELAY_MS = 400;

export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  const [open, setOpen] = useState(false);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <TooltipPrimitive.Provider delayDuration={OPEN_DELAY_MS}>
      <TooltipPrimitive.Root
        open={open}
        onOpenChange={(next) => {
          if (next) setContainer(triggerRef.current?.closest('dialog') ?? null);
          setOpen(next);
        }}
      >
        <TooltipPrimitive.Trigger asChild ref={triggerRef}>
          {children}
        </TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal container={container ?? undefined}>
          <TooltipPrimitive.Content className="tooltip" side={side} sideOffset={6} collisionPadding={4}>
            {content}
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
