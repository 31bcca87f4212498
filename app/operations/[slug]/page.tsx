import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { OperationView } from '@/components/operation-view';
import { getOperationDashboard } from '@/lib/data/operation-dashboard';

export default async function OperationPage({ params }: { params: Promise<{ slug: string }> }) {
  // Figures change while the story moves: render per request from the database.
  await connection();
  const { slug } = await params;
  const dashboard = await getOperationDashboard(slug);
  if (!dashboard) notFound();
  return <OperationView dashboard={dashboard} />;
}
