import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EmbedCode } from '@/components/embed/embed-code';
import { OperationDashboard } from '@/components/operation-dashboard';
import { ViewControls } from '@/components/view-controls';
import { ViewNotice } from '@/components/view-notice';
import { readOperationPageView } from '@/lib/data/operation-page-view';
import { operationSummaryQuery } from '@/lib/queries/operation-summary';
import { dayInZone, type RawViewParams } from '@/lib/view-params';

export default async function OperationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams?: Promise<RawViewParams>;
}) {
  // Figures change while the story moves: render per request from the database.
  await connection();
  const { slug } = await params;
  // A bad parameter is explained on the page, which then shows the latest view.
  const read = await readOperationPageView(slug, (await searchParams) ?? {});
  if (!read) notFound();
  const { operation, errors, view, dashboard } = read;

  const queryClient = new QueryClient();
  // Same key as the client's query, with the data read directly (no HTTP round trip to ourselves).
  queryClient.setQueryData(operationSummaryQuery(view).queryKey, dashboard);

  return (
    <>
      <ViewControls
        slug={slug}
        groups={operation.groups}
        group={dashboard.group.slug}
        asOf={view.asOf}
        minDate={dayInZone(operation.startsAt, operation.timeZone)}
        maxDate={dayInZone(new Date(), operation.timeZone)}
      />
      <ViewNotice errors={errors} asOfDate={view.asOf} readEarlierAt={read.readEarlierAt} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OperationDashboard view={view} />
      </HydrationBoundary>
      <EmbedCode view={view} operationName={dashboard.operation.name} />
    </>
  );
}
