'use client';

// Recharts' keyboard layer moves the tooltip, but a tooltip is only seen, not heard. This copies
// what the active point says into the chart's polite live region, so a screen reader speaks each
// point as the arrow keys reach it.

import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useActiveTooltipLabel, useIsTooltipActive } from 'recharts';

export function ChartAnnouncer({
  region,
  children,
}: {
  /** The live region (an element outside the SVG), once mounted. */
  region: HTMLElement | null;
  /** What to say about the active instant (the x value, epoch ms). */
  children: (t: number) => ReactNode;
}) {
  const active = useIsTooltipActive();
  const label = useActiveTooltipLabel();
  if (!region || !active || label === undefined || label === null) return null;
  const t = Number(label);
  return Number.isFinite(t) ? createPortal(children(t), region) : null;
}
