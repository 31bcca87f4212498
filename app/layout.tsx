import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { QueryProvider } from '@/components/query-provider';
import { publicMessages } from '@/lib/i18n/public-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Layout');
  return { title: t('siteName'), description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('Layout');
  return (
    <html lang={locale} dir={['ar', 'fa', 'ps'].includes(locale) ? 'rtl' : 'ltr'}>
      <body>
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
        <NextIntlClientProvider messages={publicMessages(await getMessages())}>
          <QueryProvider>
            <main id="main">{children}</main>
          </QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
