import { useTranslations } from 'next-intl';
import Link from 'next/link';

/** Shown instead of a page the signed-in role may not use. */
export function ForbiddenNotice() {
  const t = useTranslations('AdminForbidden');
  return (
    <section className="panel notice notice-error" role="alert" data-forbidden>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/admin">{t('back')}</Link>
      </p>
    </section>
  );
}
