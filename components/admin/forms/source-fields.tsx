'use client';

import { useTranslations } from 'next-intl';
import { TextAreaField, TextField } from './field';
import { ZonedDateField } from './zoned-date-field';

/** Where the number comes from: every write carries a source, publisher and title at least. */
export function SourceFields() {
  const t = useTranslations('AdminSource');
  return (
    <fieldset className="source-fields">
      <legend>{t('legend')}</legend>
      <div className="field-grid">
        <TextField name="source.publisher" label={t('publisher')} hint={t('publisherHint')} required />
        <TextField name="source.title" label={t('title')} required />
        <TextField name="source.url" label={t('url')} type="url" />
        <TextField name="source.via" label={t('via')} hint={t('viaHint')} />
        <ZonedDateField name="source.publishedAt" label={t('publishedAt')} />
      </div>
      <TextAreaField name="source.quote" label={t('quote')} />
    </fieldset>
  );
}
