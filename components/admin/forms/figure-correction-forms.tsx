'use client';

import { useTranslations } from 'next-intl';
import { OPERATION_FIELD } from '@/lib/admin/form-state';
import { AdminForm, type FormAction } from './admin-form';
import { CheckboxField, TextAreaField, TextField } from './field';
import { useAdminForm } from './form-context';
import { SourceFields } from './source-fields';
import { ZonedDateField } from './zoned-date-field';

/**
 * The revision this correction replaces: the one the editor saw as current. After a conflict it
 * becomes the revision now in force, which the message shows: saving again then corrects that one,
 * knowingly.
 */
function ReplacesField({ revisionId }: { revisionId: number }) {
  const { state } = useAdminForm();
  const replaces = state.status === 'conflict' && state.current ? state.current.revisionId : revisionId;
  return <input type="hidden" name="replaces" value={String(replaces)} />;
}

/** Correct and Retract, each behind a disclosure, for one figure in force. */
export function FigureCorrectionForms({
  correct,
  retract,
  operation,
  timeZone,
  revisionId,
}: {
  correct: FormAction;
  retract: FormAction;
  operation: string;
  timeZone: string;
  revisionId: number;
}) {
  const t = useTranslations('AdminFigureForm');
  return (
    <div className="correction-forms">
      <details className="correction">
        <summary>{t('correct')}</summary>
        <AdminForm
          action={correct}
          hidden={{ [OPERATION_FIELD]: operation }}
          timeZone={timeZone}
          label={t('correctTitle', { revision: revisionId })}
          submitLabel={t('saveCorrection')}
          savedMessage={t('corrected')}
        >
          <ReplacesField revisionId={revisionId} />
          <div className="field-grid">
            <TextField name="value" label={t('correctedValue')} inputMode="numeric" required />
            <ZonedDateField name="asOf" label={t('asOf')} withTime note={t('asOfKeep')} />
          </div>
          <TextAreaField name="reason" label={t('reason')} hint={t('reasonHint')} required />
          <CheckboxField name="provisional" label={t('provisional')} />
          <SourceFields />
        </AdminForm>
      </details>
      <details className="correction">
        <summary>{t('retract')}</summary>
        <AdminForm
          action={retract}
          hidden={{ [OPERATION_FIELD]: operation }}
          timeZone={timeZone}
          label={t('retractTitle', { revision: revisionId })}
          submitLabel={t('confirmRetract')}
          savedMessage={t('retracted')}
        >
          <ReplacesField revisionId={revisionId} />
          <p className="muted">{t('retractExplained')}</p>
          <TextAreaField name="reason" label={t('reason')} hint={t('reasonHint')} required />
          <SourceFields />
        </AdminForm>
      </details>
    </div>
  );
}
