import { useTranslations } from 'next-intl';

export default function NotFound() {
  const t = useTranslations('NotFound');
  return (
    <section className="panel">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
    </section>
  );
}
