import { NotFoundPanel } from '@/components/not-found-panel';
import { SiteChrome } from '@/components/site-chrome';

// For URLs that match no route: rendered inside the root layout only, so it brings the site's
// header itself. notFound() in a page of the site renders app/(site)/not-found.tsx instead, inside
// the (site) layout, and in an embed app/embed/not-found.tsx.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundPanel />
    </SiteChrome>
  );
}
