import { useFormatter, useTranslations } from 'next-intl';
import type { TargetDto } from '@/lib/data/dto';
import { lastDayOf } from './dates';
import { SourceNote } from './source-note';

/** Every group's goal, as a range, with its source. */
export function GoalsList({ targets, timeZone }: { targets: TargetDto[]; timeZone: string }) {
  const t = useTranslations('Operation');
  const format = useFormatter();
  if (targets.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('goals')}</h2>
      <ul className="plain-list">
        {targets.map((target) => (
          <li key={target.group.slug}>
            <p>
              {t('goalByDeadline', {
                group: target.group.name,
                range:
                  target.low === target.high
                    ? format.number(target.high)
                    : t('goalRange', { low: format.number(target.low), high: format.number(target.high) }),
                deadline: format.dateTime(lastDayOf(target.deadline), { dateStyle: 'long', timeZone }),
              })}
            </p>
            <SourceNote source={target.source} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}
