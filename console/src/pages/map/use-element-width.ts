import { useCallback, useRef, useState } from 'react';

/**
 * The width of an element, kept current by a ResizeObserver, ignoring changes under `step` px: a
 * page scrollbar that comes with a taller map must not lay the map out again (and again).
 */
export function useElementWidth(step: number): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!el) return;
    const measure = (w: number): void => setWidth((prev) => (Math.abs(prev - w) >= step ? Math.round(w) : prev));
    measure(el.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) measure(w);
    });
    observer.current.observe(el);
  }, [step]);
  return [ref, width];
}
