import { env } from '@/lib/env';
import OperationPage from './operations/[slug]/page';

// `/` is the default operation's page, under its own URL too (/operations/<slug>).
export default function HomePage() {
  return <OperationPage params={Promise.resolve({ slug: env.DEFAULT_OPERATION })} />;
}
