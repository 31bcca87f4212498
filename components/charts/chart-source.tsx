'use client';

import { useTranslations } from 'next-intl';
import type { ChartSource } from '@/lib/chart-data/chart-types';
import { useLinkTarget } from '../link-target';

/**
 * "White House, via AFP: title". In a table the title links to the source. In a tooltip it does
 * not: a tooltip vanishes when the pointer leaves the chart and when the chart loses focus, so a
 * link in it can never be reached, and a hidden link would be a dead stop in the Tab order. The
 * tooltip names the site instead, and the table, one click away, has the link.
 */
export function ChartSourceNote({ source, inTooltip = false }: { source: ChartSource; inTooltip?: boolean }) {
  const t = useTranslations('Charts.tooltip');
  const tTable = useTranslations('Charts.table');
  const linkTarget = useLinkTarget();
  if (inTooltip) {
    const label = source.via
      ? t('sourceVia', { publisher: source.publisher, outlet: source.via })
      : t('source', { publisher: source.publisher });
    const site = hostOf(source.url);
    return (
      <>
        {label}: <cite>{source.title}</cite>
        {site ? ` (${site})` : null}
      </>
    );
  }
  return (
    <>
      {source.via ? tTable('publisherVia', { publisher: source.publisher, outlet: source.via }) : source.publisher}:{' '}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" {...linkTarget}>
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
    </>
  );
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
