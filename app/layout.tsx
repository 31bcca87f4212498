import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { QueryProvider } from '@/components/query-provider';
import { publicMessages } from '@/lib/i18n/public-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Layout');
  return { title: t('siteName'), description: t('tagline') };
}

// The document and its providers only. The site's header lives in app/(site)/layout.tsx (and
// app/admin/layout.tsx), so that the embeds (app/embed/), framed inside other sites' pages, can go
// without it. Client components get the public messages; the admin layout adds its own.
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, none at build time: Next.js marks its scripts with the nonce of
  // the request's Content-Security-Policy (proxy.ts), and a page made at build time has none.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale} dir={['ar', 'fa', 'ps'].includes(locale) ? 'rtl' : 'ltr'}>
      <body>
        <NextIntlClientProvider messages={publicMessages(await getMessages())}>
          <QueryProvider>{children}</QueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
