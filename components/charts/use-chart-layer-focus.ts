'use client';

// Recharts 3 draws its z-index layers as <g> elements that are React portal containers. React
// puts focus listeners on every portal container, and Chromium makes an SVG element with focus
// listeners focusable: each chart then adds a dozen invisible stops to the Tab order after its
// surface. A tabindex of -1 takes them out of the Tab order; a layer focused by a click hands the
// focus to the chart surface, where the arrow keys work.

import { useEffect } from 'react';

const LAYER_SELECTOR = 'g[class^="recharts-zIndex-layer"]';

/** `root`: the element around the chart, once mounted (a callback ref's value, so a chart drawn later is seen). */
export function useChartLayerFocus(root: HTMLElement | null): void {
  useEffect(() => {
    if (!root) return;
    const untab = () => {
      for (const layer of root.querySelectorAll(LAYER_SELECTOR)) {
        if (layer.getAttribute('tabindex') !== '-1') layer.setAttribute('tabindex', '-1');
      }
    };
    const toSurface = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof Element && target.matches(LAYER_SELECTOR)) {
        root.querySelector<SVGSVGElement>('svg.recharts-surface')?.focus({ preventScroll: true });
      }
    };
    untab();
    // Layers come and go as Recharts registers z-indexes after its first render.
    const observer = new MutationObserver(untab);
    observer.observe(root, { childList: true, subtree: true });
    root.addEventListener('focusin', toSurface);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', toSurface);
    };
  }, [root]);
}
