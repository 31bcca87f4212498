'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import { useChartCredits } from '@/components/charts/use-chart-credits';
import type { OperationDashboard } from '@/lib/data/dto';
import { dashboardPath } from '@/lib/embed-snippet';
import { operationSummaryQuery, type OperationView } from '@/lib/queries/operation-summary';
import { KeyFigures } from '../key-figures';
import { LinksOpenInNewTab } from '../link-target';
import { useLiveOperation } from '../live/use-live-operation';
import { POLL_INTERVAL_MS, shouldPoll, type LiveMode } from '../live/use-live-updates';

// The chart's code loads after the figures, as on the operation page.
const EmbedChart = dynamic(() => import('../charts/embed-chart').then((module) => module.EmbedChart), {
  ssr: false,
  loading: () => <div className="embed-chart-loading" aria-hidden="true" />,
});

interface EmbedProps {
  view: OperationView;
  /** What the server has to say about the view asked for (a bad parameter, a past day). */
  notice?: ReactNode;
}

/**
 * The embed: key figures, the cumulative chart and its sources, and a link to the full
 * dashboard. Without `asOf` it is live like the dashboard; with it, frozen at that day, it opens
 * no live stream (many readers of a frozen embed would hold connections for nothing).
 */
export function EmbedDashboard(props: EmbedProps) {
  return props.view.asOf ? <EmbedContent {...props} /> : <LiveEmbedContent {...props} />;
}

function LiveEmbedContent(props: EmbedProps) {
  const { mode } = useLiveOperation(props.view.slug);
  return <EmbedContent {...props} mode={mode} />;
}

function EmbedContent({ view, notice, mode }: EmbedProps & { mode?: LiveMode }) {
  const { data: dashboard } = useQuery({
    ...operationSummaryQuery(view),
    refetchInterval: shouldPoll(mode) ? POLL_INTERVAL_MS : false,
  });
  if (!dashboard) return null;
  return <EmbedView dashboard={dashboard} view={view} notice={notice} mode={mode} />;
}

function EmbedView({
  dashboard,
  view,
  notice,
  mode,
}: {
  dashboard: OperationDashboard;
  view: OperationView;
  notice?: ReactNode;
  mode?: LiveMode;
}) {
  const t = useTranslations('Embed');
  const credits = useChartCredits(dashboard);
  const assessment = dashboard.feasibility?.againstHigh ?? null;
  return (
    <LinksOpenInNewTab>
      <article className="embed-view">
        <header className="embed-header">
          <h1>{dashboard.operation.name}</h1>
          <p className="muted">{dashboard.group.name}</p>
        </header>
        {notice}
        <KeyFigures
          latest={dashboard.latestFigure}
          target={dashboard.target}
          assessment={assessment}
          timeZone={dashboard.operation.timeZone}
        />
        <EmbedChart dashboard={dashboard} />
        {credits.sourceLine.cumulative ? <p className="embed-sources">{credits.sourceLine.cumulative}</p> : null}
        <footer className="embed-footer">
          <a href={dashboardPath(view)} target="_blank" rel="noopener">
            {t('fullDashboard')}
          </a>
          {mode ? (
            <span className="muted" role="status">
              {t(mode)}
            </span>
          ) : null}
        </footer>
      </article>
    </LinksOpenInNewTab>
  );
}
