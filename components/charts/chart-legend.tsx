'use client';

// The key of a chart, as an HTML list under it rather than inside the SVG: it wraps on a narrow
// screen, it is read by screen readers as a list, and its text is translated like any other.

import { useTranslations } from 'next-intl';

export type LegendSwatch =
  | 'line'
  | 'dashed'
  | 'dotted'
  | 'band'
  | 'dot'
  | 'hollow'
  | 'diamond'
  | 'event'
  | 'area'
  | 'hatched'
  | 'vertical';

export interface LegendItem {
  key: string;
  label: string;
  swatch: LegendSwatch;
  /** A CSS colour, normally one of the chart variables in charts.css. */
  color: string;
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  const t = useTranslations('Charts.legend');
  return (
    <ul className="chart-legend" aria-label={t('label')}>
      {items.map((item) => (
        <li key={item.key}>
          <svg className="chart-legend-swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
            <Swatch swatch={item.swatch} color={item.color} />
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

function Swatch({ swatch, color }: { swatch: LegendSwatch; color: string }) {
  switch (swatch) {
    case 'line':
      return <line x1="1" x2="27" y1="7" y2="7" stroke={color} strokeWidth="2.5" />;
    case 'dashed':
      return <line x1="1" x2="27" y1="7" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray="6 4" />;
    case 'dotted':
      return <line x1="1" x2="27" y1="7" y2="7" stroke={color} strokeWidth="2.5" strokeDasharray="2 3" />;
    case 'band':
      return <rect x="1" y="2" width="26" height="10" fill={color} fillOpacity="0.18" stroke={color} />;
    case 'dot':
      return <circle cx="14" cy="7" r="4.5" fill={color} />;
    case 'hollow':
      return <circle cx="14" cy="7" r="4.5" fill="var(--bg)" stroke={color} strokeWidth="2" />;
    case 'diamond':
      return <path d="M14 1 L20 7 L14 13 L8 7 Z" fill={color} />;
    case 'event':
      return (
        <>
          <line x1="14" x2="14" y1="5" y2="14" stroke={color} strokeWidth="1.5" strokeDasharray="2 2" />
          <circle cx="14" cy="4" r="3.5" fill={color} />
        </>
      );
    case 'area':
      return <rect x="1" y="3" width="26" height="9" fill={color} fillOpacity="0.35" stroke={color} strokeWidth="2" />;
    case 'hatched':
      return (
        <>
          <rect x="1" y="3" width="26" height="9" fill="none" stroke={color} strokeWidth="2" />
          <path d="M4 12 L10 3 M11 12 L17 3 M18 12 L24 3" stroke={color} strokeWidth="1.5" />
        </>
      );
    case 'vertical':
      return <line x1="14" x2="14" y1="0" y2="14" stroke={color} strokeWidth="2.5" />;
  }
}
