// A virtual table needs its scroll height in pixels: the room left below the element in the window.
import { useCallback, useEffect, useState } from 'react';

/**
 * The height from the top of the element (attach `ref`) to the bottom of the window, less what
 * `reserve` says must stay free below and around the scrolling part (a table's header, the page's
 * padding), never below `minimum`. It follows window resizes and layout changes (a language
 * switch that makes a header taller). `reserve` must be stable.
 */
export function useAvailableHeight(
  reserve: (element: HTMLElement) => number,
  minimum = 240,
): { ref: (element: HTMLElement | null) => void; height: number } {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(minimum);
  const ref = useCallback((node: HTMLElement | null) => setElement(node), []);

  useEffect(() => {
    if (!element) return;
    const measure = () => {
      const available = Math.floor(window.innerHeight - element.getBoundingClientRect().top - reserve(element));
      setHeight(Math.max(minimum, available));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [element, reserve, minimum]);

  return { ref, height };
}
