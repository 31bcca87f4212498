import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { GroupDto } from '@/lib/data/dto';
import { AsOfInput } from './as-of-input';

/**
 * Group and "as of" date as a plain GET form: the state lives in the URL, so every view is a
 * permalink, and it works before (or without) JavaScript.
 */
export function ViewControls({
  slug,
  groups,
  group,
  asOf,
  minDate,
  maxDate,
}: {
  slug: string;
  groups: GroupDto[];
  group: string;
  asOf: string | undefined;
  minDate: string;
  maxDate: string;
}) {
  const t = useTranslations('ViewControls');
  return (
    <form className="view-controls" method="get" action={`/operations/${slug}`} aria-label={t('label')}>
      <div className="control">
        <label htmlFor="view-group">{t('group')}</label>
        <select id="view-group" name="group" defaultValue={group}>
          {groups.map((candidate) => (
            <option key={candidate.slug} value={candidate.slug}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor="view-as-of">{t('asOf')}</label>
        <AsOfInput
          id="view-as-of"
          name="asOf"
          defaultValue={asOf ?? ''}
          min={minDate}
          max={maxDate}
          formatHint={t('dateFormat')}
        />
      </div>
      <button type="submit">{t('show')}</button>
      {asOf ? (
        <Link href={`/operations/${slug}?group=${encodeURIComponent(group)}`}>{t('latest')}</Link>
      ) : null}
    </form>
  );
}
