import { useFormatter, useTranslations } from 'next-intl';
import type { FigureDto, TargetDto } from '@/lib/data/dto';
import type { FeasibilityDto } from '@/lib/data/mappers';
import { lastDayOf } from './dates';
import { FigureCard } from './figure-card';
import { SourceNote } from './source-note';

/** The numbers a reader needs in the first ten seconds, each with what it counts. */
export function KeyFigures({
  latest,
  target,
  assessment,
  timeZone,
}: {
  latest: FigureDto | null;
  target: TargetDto | null;
  assessment: FeasibilityDto | null;
  timeZone: string;
}) {
  const t = useTranslations('Operation');
  const format = useFormatter();
  const count = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('notAvailable')
      : format.number(value, { maximumFractionDigits: 0 });
  const day = (iso: string) => format.dateTime(new Date(iso), { day: 'numeric', month: 'long', timeZone });
  const longDay = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'long', timeZone });
  const whole = assessment?.observedPace.wholeOperation ?? null;

  return (
    <dl className="key-figures" aria-label={t('keyFigures')}>
      <FigureCard
        emphasis
        label={t('evacuated')}
        value={latest ? count(latest.value) : t('notAvailable')}
        detail={
          latest
            ? t('evacuatedDetail', {
                basis: latest.basisStart ? day(latest.basisStart) : t('notAvailable'),
                asOf: longDay(latest.asOf),
              })
            : t('noFigures')
        }
      >
        {latest ? <SourceNote source={latest.source} timeZone={timeZone} /> : null}
      </FigureCard>
      {target ? (
        <FigureCard
          label={t('goal')}
          value={
            target.low === target.high
              ? count(target.high)
              : t('goalRange', { low: count(target.low), high: count(target.high) })
          }
          detail={t('goalDetail', { deadline: longDay(lastDayOf(target.deadline).toISOString()) })}
        >
          <SourceNote source={target.source} timeZone={timeZone} />
        </FigureCard>
      ) : null}
      {assessment ? (
        <>
          <FigureCard
            label={t('remaining')}
            value={count(assessment.remaining)}
            detail={t('remainingDetail', { goal: count(assessment.goal) })}
          />
          <FigureCard
            label={t('timeLeft')}
            value={format.number(assessment.timeLeftDays, { maximumFractionDigits: 1 })}
            detail={t('timeLeftDetail', {
              asOf: day(assessment.evaluatedAt),
              deadline: day(lastDayOf(assessment.deadline).toISOString()),
            })}
          />
          <FigureCard
            label={t('requiredPace')}
            value={count(assessment.requiredPacePerDay)}
            detail={t('requiredPaceDetail', { goal: count(assessment.goal) })}
          />
          <FigureCard
            label={t('observedPace')}
            value={count(whole?.perDay)}
            detail={
              whole
                ? t('observedPaceDetail', { from: day(whole.measuredFrom), to: day(whole.measuredTo) })
                : undefined
            }
          />
          <FigureCard
            label={t('projected')}
            value={count(whole?.projectedTotalAtDeadline)}
            detail={t('projectedDetail')}
          />
        </>
      ) : null}
    </dl>
  );
}
