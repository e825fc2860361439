import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The inner width (without a scrollbar) of an element, kept current with a ResizeObserver.
 * null until measured, and where there is no layout engine (jsdom), so callers can fall back.
 */
export function useContentWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measured before the first paint, so a narrow window never flashes the wide layout.
    const measure = () => setWidth(el.clientWidth > 0 ? el.clientWidth : null);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
