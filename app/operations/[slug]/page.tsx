import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { OperationDashboard } from '@/components/operation-dashboard';
import { ViewControls } from '@/components/view-controls';
import { ViewNotice } from '@/components/view-notice';
import { getOperationDashboard } from '@/lib/data/operation-dashboard';
import { getOperationForView } from '@/lib/data/operation-lookup';
import { operationSummaryQuery, type OperationView } from '@/lib/queries/operation-summary';
import { dayInZone, parseViewParams, type RawViewParams } from '@/lib/view-params';

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
  const operation = await getOperationForView(slug);
  if (!operation) notFound();

  // A bad parameter is explained on the page, which then shows the latest view.
  const parsed = parseViewParams((await searchParams) ?? {}, operation);
  const valid: { asOf?: Date; asOfDate?: string; group?: string } = parsed.ok ? parsed : {};
  const view: OperationView = { slug, asOf: valid.asOfDate, group: valid.group };

  const queryClient = new QueryClient();
  const dashboard = await getOperationDashboard(slug, { asOf: valid.asOf, group: valid.group });
  if (!dashboard) notFound();
  // Same key as the client's query, with the data read directly (no HTTP round trip to ourselves).
  queryClient.setQueryData(operationSummaryQuery(view).queryKey, dashboard);

  return (
    <>
      <ViewControls
        slug={slug}
        groups={operation.groups}
        group={dashboard.group.slug}
        asOf={valid.asOfDate}
        minDate={dayInZone(operation.startsAt, operation.timeZone)}
        maxDate={dayInZone(new Date(), operation.timeZone)}
      />
      <ViewNotice errors={parsed.ok ? [] : parsed.errors} asOfDate={valid.asOfDate} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OperationDashboard view={view} />
      </HydrationBoundary>
    </>
  );
}
