'use client';

import { useState, type MouseEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { ImageFormat } from './chart-image/download-chart-image';

/** What a downloaded image says besides the chart, and what its file is called. */
export interface ChartDownload {
  /** The file name without extension: operation, chart, group and as-of day. */
  fileStem: string;
  sourceLine: string;
  asOfLine: string;
}

type State = 'idle' | 'working' | 'failed';

/**
 * "Download PNG" and "Download SVG" under a chart. The image is made in the browser from the
 * chart as drawn, with its title, key, sources and as-of date written into it. The code that does
 * it loads on the first click, so the page does not carry it.
 */
export function ChartDownloads({ title, download }: { title: string; download: ChartDownload }) {
  const t = useTranslations('Charts.download');
  const [state, setState] = useState<State>('idle');

  async function save(event: MouseEvent<HTMLButtonElement>, format: ImageFormat) {
    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
    if (state === 'working') return;
    const figure = event.currentTarget.closest('figure');
    setState('working');
    try {
      if (!figure) throw new Error('The download button is outside its chart');
      const { downloadChartImage } = await import('./chart-image/download-chart-image');
      await downloadChartImage(figure, { title, ...download }, format);
      setState('idle');
    } catch (error) {
      console.error(error);
      setState('failed');
    }
  }

  return (
    <div className="chart-downloads" role="group" aria-label={t('group', { title })}>
      <button type="button" onClick={(event) => save(event, 'png')} aria-disabled={state === 'working'}>
        {t('png')}
      </button>
      <button type="button" onClick={(event) => save(event, 'svg')} aria-disabled={state === 'working'}>
        {t('svg')}
      </button>
      <span className="chart-downloads-status" role="status">
        {state === 'working' ? t('working') : null}
      </span>
      {state === 'failed' ? (
        <p className="chart-downloads-error" role="alert">
          {t('failed')}
        </p>
      ) : null}
    </div>
  );
}
