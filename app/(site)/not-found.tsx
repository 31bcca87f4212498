import { NotFoundPanel } from '@/components/not-found-panel';

// notFound() in a page of the site (an unknown operation): inside the (site) layout, header and all.
export default function SiteNotFound() {
  return <NotFoundPanel />;
}
