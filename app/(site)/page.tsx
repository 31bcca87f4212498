import { env } from '@/lib/env';
import type { RawViewParams } from '@/lib/view-params';
import OperationPage from './operations/[slug]/page';

// `/` is the default operation's page, under its own URL too (/operations/<slug>).
export default function HomePage({ searchParams }: { searchParams: Promise<RawViewParams> }) {
  return (
    <OperationPage params={Promise.resolve({ slug: env.DEFAULT_OPERATION })} searchParams={searchParams} />
  );
}
