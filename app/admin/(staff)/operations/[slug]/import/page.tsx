// /admin/operations/[slug]/import: editors upload a figures CSV, see every row checked, then
// import it. The page checks the session itself (the admin layout, when there is one, is not the
// only gate), and gives its form the messages it needs, whatever the layout passes to the client.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { ImportPageView } from '@/components/admin/import/import-page-view';
import { checkStaff } from '@/lib/auth/staff-session';
import { MAX_IMPORT_BYTES } from '@/lib/csv/import/types';
import { findImportOperation } from '@/lib/data/writes/figure-import';
import { importFiguresAction } from './actions';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations('Import');
  return { title: t('metaTitle', { operation: slug }), robots: { index: false } };
}

export default async function ImportFiguresPage({ params }: Props) {
  const { slug } = await params;
  const path = `/admin/operations/${encodeURIComponent(slug)}/import`;
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok && check.reason === 'signed_out') redirect(`/admin/sign-in?next=${encodeURIComponent(path)}`);
  const t = await getTranslations('Import');
  if (!check.ok) {
    return (
      <p role="alert" className="notice notice-error">
        {t('forbidden')}
      </p>
    );
  }
  const operation = await findImportOperation(slug);
  if (!operation) notFound();

  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ Import: messages.Import }}>
      <ImportPageView
        operation={{ slug: operation.slug, name: operation.name }}
        maxBytes={MAX_IMPORT_BYTES}
        exportUrl={`/api/operations/${encodeURIComponent(operation.slug)}/figures.csv?revisions=all`}
        action={importFiguresAction.bind(null, operation.slug)}
      />
    </NextIntlClientProvider>
  );
}
