import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EmbedDashboard } from '@/components/embed/embed-dashboard';
import { ViewNotice } from '@/components/view-notice';
import { readOperationForView } from '@/lib/data/operation-lookup';
import { readOperationPageView } from '@/lib/data/operation-page-view';
import { operationSummaryQuery } from '@/lib/queries/operation-summary';
import type { RawViewParams } from '@/lib/view-params';

interface EmbedPageProps {
  params: Promise<{ slug: string }>;
  searchParams?: Promise<RawViewParams>;
}

export async function generateMetadata({ params }: EmbedPageProps): Promise<Metadata> {
  const t = await getTranslations('Embed');
  const operation = await readOperationForView((await params).slug);
  // Search engines should send readers to the full dashboard rather than to the frame.
  return {
    title: operation ? t('documentTitle', { operation: operation.name }) : undefined,
    robots: { index: false },
  };
}

/** `/embed/<slug>?asOf=&group=`: key figures and the main chart, to be framed by other sites. */
export default async function EmbedPage({ params, searchParams }: EmbedPageProps) {
  await connection();
  const { slug } = await params;
  const read = await readOperationPageView(slug, (await searchParams) ?? {});
  if (!read) notFound();
  const { errors, view, dashboard } = read;

  const queryClient = new QueryClient();
  queryClient.setQueryData(operationSummaryQuery(view).queryKey, dashboard);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EmbedDashboard view={view} notice={<ViewNotice errors={errors} asOfDate={view.asOf} readEarlierAt={read.readEarlierAt} />} />
    </HydrationBoundary>
  );
}
