'use client';

import { useTranslations } from 'next-intl';
import type { GroupDto } from '@/lib/data/dto';
import { OPERATION_FIELD } from '@/lib/admin/form-state';
import { AdminForm, type FormAction } from './admin-form';
import { SelectField, TextAreaField, TextField } from './field';
import { SourceFields } from './source-fields';
import { ZonedDateField } from './zoned-date-field';

interface TimelineFormProps {
  action: FormAction;
  operation: string;
  timeZone: string;
}

const groupOptions = (groups: GroupDto[]) => groups.map((group) => ({ value: group.slug, label: group.name }));

/** A goal for one group: a range (equal ends for one number) by a deadline day. */
export function TargetForm({ groups, ...form }: TimelineFormProps & { groups: GroupDto[] }) {
  const t = useTranslations('AdminTimelineForm');
  return (
    <AdminForm {...formProps(form)} label={t('targetTitle')} submitLabel={t('addTarget')} savedMessage={t('targetAdded')}>
      <div className="field-grid">
        <SelectField name="group" label={t('group')} options={groupOptions(groups)} required />
        <TextField name="low" label={t('low')} inputMode="numeric" required />
        <TextField name="high" label={t('high')} inputMode="numeric" required />
        <ZonedDateField name="deadline" label={t('deadline')} note={t('deadlineHint')} required />
      </div>
      <SourceFields />
    </AdminForm>
  );
}

const EVENT_KINDS = ['milestone', 'incident', 'meeting', 'logistics', 'deadline'] as const;

export function EventForm(form: TimelineFormProps) {
  const t = useTranslations('AdminTimelineForm');
  return (
    <AdminForm {...formProps(form)} label={t('eventTitle')} submitLabel={t('addEvent')} savedMessage={t('eventAdded')}>
      <div className="field-grid">
        <SelectField name="kind" label={t('eventKind')} options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`eventKinds.${kind}`) }))} required />
        <TextField name="title" label={t('eventName')} required />
        <ZonedDateField name="occurredAt" label={t('occurredAt')} withTime note={t('occurredAtHint')} />
        <ZonedDateField name="reportedAt" label={t('reportedAt')} withTime required />
        <TextField name="count" label={t('count')} inputMode="numeric" hint={t('countHint')} />
      </div>
      <TextAreaField name="description" label={t('description')} />
      <SourceFields />
    </AdminForm>
  );
}

const STANCES = ['infeasible', 'doubtful', 'feasible'] as const;

export function StatementForm({ groups, ...form }: TimelineFormProps & { groups: GroupDto[] }) {
  const t = useTranslations('AdminTimelineForm');
  return (
    <AdminForm {...formProps(form)} label={t('statementTitle')} submitLabel={t('addStatement')} savedMessage={t('statementAdded')}>
      <div className="field-grid">
        <TextField name="speaker" label={t('speaker')} required />
        <TextField name="speakerRole" label={t('speakerRole')} />
        <ZonedDateField name="saidAt" label={t('saidAt')} withTime required />
        <SelectField
          name="stance"
          label={t('stance')}
          options={STANCES.map((stance) => ({ value: stance, label: t(`stances.${stance}`) }))}
          required
        />
        <SelectField name="group" label={t('statementGroup')} options={[{ value: '', label: t('noGroup') }, ...groupOptions(groups)]} />
        <TextField name="claimedGoal" label={t('claimedGoal')} inputMode="numeric" />
        <ZonedDateField name="claimedBy" label={t('claimedBy')} note={t('deadlineHint')} />
      </div>
      <TextAreaField name="quote" label={t('quote')} required />
      <SourceFields />
    </AdminForm>
  );
}

function formProps({ action, operation, timeZone }: TimelineFormProps) {
  return { action, timeZone, hidden: { [OPERATION_FIELD]: operation } };
}
