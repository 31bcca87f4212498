import { useTranslations } from 'next-intl';

// An embed of an unknown operation: said in the frame, without the site's header. The link opens
// a new tab, since the site's own pages refuse to be framed.
export default function EmbedNotFound() {
  const t = useTranslations('NotFound');
  return (
    <section className="panel">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <a href="/operations" target="_blank" rel="noopener">
          {t('toList')}
        </a>
      </p>
    </section>
  );
}
