import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { SiteChrome } from '@/components/site-chrome';

// Renders for unmatched URLs and for notFound() in the site's pages, both outside the (site)
// layout, so it brings the site's header itself.
export default function NotFound() {
  const t = useTranslations('NotFound');
  return (
    <SiteChrome>
      <section className="panel">
        <h1>{t('title')}</h1>
        <p>{t('body')}</p>
        <p>
          <Link href="/operations">{t('toList')}</Link>
        </p>
      </section>
    </SiteChrome>
  );
}
