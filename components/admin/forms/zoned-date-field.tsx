'use client';

import { useTranslations } from 'next-intl';
import { utcOffsetLabel } from '@/components/dates';
import { TextField } from './field';
import { useAdminForm } from './form-context';

/**
 * A date (or date and time) typed in the operation's time zone, which the hint names: the server
 * reads a value without an offset in that zone.
 */
export function ZonedDateField({
  name,
  label,
  withTime = false,
  required,
  note,
  defaultValue,
}: {
  name: string;
  label: string;
  withTime?: boolean;
  required?: boolean;
  /** A sentence added after the zone, e.g. what an empty field means. */
  note?: string;
  defaultValue?: string;
}) {
  const t = useTranslations('AdminForm');
  const { timeZone = 'UTC' } = useAdminForm();
  const city = timeZone.split('/').at(-1)?.replace(/_/g, ' ') ?? timeZone;
  const zone = t('zoneHint', { zone: city, offset: utcOffsetLabel(timeZone, new Date()) });
  return (
    <TextField
      name={name}
      label={label}
      type={withTime ? 'datetime-local' : 'date'}
      hint={note ? `${zone} ${note}` : zone}
      required={required}
      defaultValue={defaultValue}
    />
  );
}
