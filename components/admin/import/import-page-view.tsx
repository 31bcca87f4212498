// The import page: what the file must be, where to get one, and the form.
import { useTranslations } from 'next-intl';
import type { ImportActionState } from '@/lib/csv/import/action-state';
import { ImportForm } from './import-form';

export interface ImportPageViewProps {
  operation: { slug: string; name: string };
  maxBytes: number;
  exportUrl: string;
  action: (state: ImportActionState, formData: FormData) => Promise<ImportActionState>;
}

export function ImportPageView({ operation, maxBytes, exportUrl, action }: ImportPageViewProps) {
  const t = useTranslations('Import');
  return (
    <article className="figure-import" aria-labelledby="import-title">
      <h1 id="import-title">{t('title')}</h1>
      <p className="lede">{t('lede', { operation: operation.name })}</p>
      <p className="muted">
        {t('formatHint', { limit: Math.round(maxBytes / (1024 * 1024)) })}{' '}
        <a href={exportUrl} download>
          {t('exportLink', { operation: operation.name })}
        </a>
        .
      </p>
      <ImportForm action={action} maxBytes={maxBytes} signInUrl={`/admin/sign-in?next=${encodeURIComponent(`/admin/operations/${operation.slug}/import`)}`} />
    </article>
  );
}
