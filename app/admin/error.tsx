'use client';

import { useTranslations } from 'next-intl';

// Never shows the error itself: details stay in the server log.
export default function AdminErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('AdminError');
  return (
    <section className="panel" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <button type="button" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
