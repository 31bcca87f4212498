import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { SiteChrome } from '@/components/site-chrome';
import '@/components/admin/admin.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin');
  return { title: t('title'), robots: { index: false, follow: false } };
}

// The public pages get only their own messages; the admin area's client forms need these too.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <SiteChrome>{children}</SiteChrome>
    </NextIntlClientProvider>
  );
}
