import { useFormatter, useTranslations } from 'next-intl';
import type { ViewParamError } from '@/lib/view-params';

/**
 * Says why a requested view could not be shown, or which past day is being shown; and, when the
 * database could not be reached, that the figures are as last read, and when.
 */
export function ViewNotice({
  errors,
  asOfDate,
  readEarlierAt,
}: {
  errors: ViewParamError[];
  asOfDate?: string;
  readEarlierAt?: string;
}) {
  const t = useTranslations('ViewNotice');
  const format = useFormatter();
  if (readEarlierAt) {
    return (
      <p className="notice notice-error" role="status">
        {t('readEarlier', {
          time: format.dateTime(new Date(readEarlierAt), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }),
        })}
      </p>
    );
  }
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
