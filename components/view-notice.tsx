import { useFormatter, useTranslations } from 'next-intl';
import type { ViewParamError } from '@/lib/view-params';

/** Says why a requested view could not be shown, or which past day is being shown. */
export function ViewNotice({ errors, asOfDate }: { errors: ViewParamError[]; asOfDate?: string }) {
  const t = useTranslations('ViewNotice');
  const format = useFormatter();
  if (errors.length > 0) {
    return (
      <div className="notice notice-error" role="alert">
        {errors.map((error) => (
          <p key={error.parameter}>{t('invalid', { message: error.message })}</p>
        ))}
      </div>
    );
  }
  if (!asOfDate) return null;
  return (
    <p className="notice">
      {t('pastView', {
        date: format.dateTime(new Date(`${asOfDate}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
      })}
    </p>
  );
}
