import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

/**
 * The site's header and main landmark around a page. Every page but the embeds has it: the
 * (site) layout puts it around its pages, and the root not-found page (which renders outside that
 * layout, for any unmatched URL) puts it around itself.
 */
export function SiteChrome({ children }: { children: ReactNode }) {
  const t = useTranslations('Layout');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <Link href="/" className="site-name">
          {t('siteName')}
        </Link>
        <span className="site-tagline">{t('tagline')}</span>
        <Link href="/operations" className="site-nav">
          {t('operations')}
        </Link>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
