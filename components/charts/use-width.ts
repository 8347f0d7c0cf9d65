"use client";

import { useCallback, useRef, useState } from "react";

/**
 * The rendered width of an element, followed as it changes. Charts draw in real pixels instead of scaling a
 * fixed drawing, so their 11 px labels stay 11 px on a phone and on a wide screen. A callback ref, so an
 * element shown again (the chart after its table) is measured again.
 */
export function useWidth<T extends HTMLElement>(initial: number): [(element: T | null) => void, number] {
  const [width, setWidth] = useState(initial);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    observer.current = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.current.observe(element);
  }, []);
  return [ref, width];
}
