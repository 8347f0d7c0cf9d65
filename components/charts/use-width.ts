"use client";

import { type RefObject, useEffect, useRef, useState } from "react";

/**
 * The rendered width of an element, followed as it changes. Charts draw in real pixels instead of scaling a
 * fixed drawing, so their 11 px labels stay 11 px on a phone and on a wide screen.
 */
export function useWidth<T extends HTMLElement>(initial: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
