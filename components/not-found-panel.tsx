import { useTranslations } from 'next-intl';
import Link from 'next/link';

export function NotFoundPanel() {
  const t = useTranslations('NotFound');
  return (
    <section className="panel">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/operations">{t('toList')}</Link>
      </p>
    </section>
  );
}
