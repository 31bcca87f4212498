'use client';

import { useId, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ChartDownloads, type ChartDownload } from './chart-downloads';
import { useChartLayerFocus } from './use-chart-layer-focus';

export interface ChartFigureIds {
  /** The figcaption: the chart's title. */
  titleId: string;
  /** The text summary: what the chart shows, for readers who cannot see it. */
  summaryId: string;
  /** A polite live region where the chart announces the point the keyboard reaches. */
  liveRegion: HTMLElement | null;
}

/**
 * One chart with everything around it: the title as figcaption, the chart itself (drawn by
 * `children`, which receives the ids to label and describe it with and a live region to speak
 * into), a keyboard hint, the key, the download buttons, the text summary and the data table.
 */
export function ChartFigure({
  id,
  title,
  legend,
  summary,
  table,
  drawn = true,
  download,
  children,
}: {
  /** Names the chart in its ids (made unique with useId, so a chart may appear twice). */
  id: string;
  title: string;
  legend: ReactNode;
  summary: ReactNode;
  table: ReactNode;
  /** False when there is nothing to draw: the summary then says why, alone. */
  drawn?: boolean;
  /** Offers the chart as PNG and SVG, with these credits written in; none when unset. */
  download?: ChartDownload;
  children: (ids: ChartFigureIds) => ReactNode;
}) {
  const t = useTranslations('Charts');
  const unique = `${id}-${useSafeId()}`;
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  useChartLayerFocus(frame);
  const [liveRegion, setLiveRegion] = useState<HTMLElement | null>(null);
  const ids = { titleId: `${unique}-title`, summaryId: `${unique}-summary`, liveRegion };
  return (
    <figure className="chart" aria-labelledby={ids.titleId}>
      <figcaption id={ids.titleId} className="chart-title">
        {title}
      </figcaption>
      {drawn ? (
        <>
          <div ref={setFrame} className="chart-frame">
            {children(ids)}
          </div>
          <div ref={setLiveRegion} className="chart-live" aria-live="polite" aria-atomic="true" />
          <p className="chart-hint">{t('keyboardHint')}</p>
          {legend}
          {download ? <ChartDownloads title={title} download={download} /> : null}
        </>
      ) : null}
      <div id={ids.summaryId} className="chart-summary">
        {summary}
      </div>
      {table}
    </figure>
  );
}

/** useId without the punctuation React puts in it, so it also works inside url(#...). */
export function useSafeId(): string {
  return useId().replace(/[^A-Za-z0-9_-]/g, '');
}
