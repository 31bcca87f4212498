'use client';

import { useTranslations } from 'next-intl';
import type { GroupDto } from '@/lib/data/dto';
import { OPERATION_FIELD } from '@/lib/admin/form-state';
import { AdminForm, type FormAction } from './admin-form';
import { CheckboxField, RadioField, SelectField, TextField } from './field';
import { SourceFields } from './source-fields';
import { ZonedDateField } from './zoned-date-field';

/**
 * A newly published count. Which dates it needs depends on what it counts (a running total since
 * a date, or a count within a window); CSS shows the fields of the chosen kind, so the choice
 * survives a reset without any state here.
 */
export function FigureAddForm({
  action,
  operation,
  timeZone,
  groups,
  basisDefault,
}: {
  action: FormAction;
  operation: string;
  timeZone: string;
  groups: GroupDto[];
  /** The operation's first day, the usual basis of a running total. */
  basisDefault: string;
}) {
  const t = useTranslations('AdminFigureForm');
  return (
    <AdminForm
      action={action}
      hidden={{ [OPERATION_FIELD]: operation }}
      timeZone={timeZone}
      label={t('addTitle')}
      submitLabel={t('add')}
      savedMessage={t('added')}
      className="figure-form"
    >
      <div className="field-grid">
        <SelectField name="group" label={t('group')} options={groups.map((group) => ({ value: group.slug, label: group.name }))} required />
        <TextField name="value" label={t('value')} hint={t('valueHint')} inputMode="numeric" required />
      </div>
      <RadioField
        name="kind"
        legend={t('kind')}
        defaultValue="cumulative"
        options={[
          { value: 'cumulative', label: t('kindCumulative') },
          { value: 'window', label: t('kindWindow') },
        ]}
      />
      <div className="field-grid kind-cumulative-only">
        <ZonedDateField name="basisStart" label={t('basisStart')} defaultValue={basisDefault} note={t('basisHint')} required />
      </div>
      <div className="field-grid kind-window-only">
        <ZonedDateField name="windowStart" label={t('windowStart')} withTime required />
        <ZonedDateField name="windowEnd" label={t('windowEnd')} withTime required />
      </div>
      <div className="field-grid">
        <ZonedDateField name="asOf" label={t('asOf')} withTime required />
      </div>
      <CheckboxField name="provisional" label={t('provisional')} hint={t('provisionalHint')} />
      <SourceFields />
    </AdminForm>
  );
}
