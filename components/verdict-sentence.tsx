import { useFormatter, useTranslations } from 'next-intl';
import type { FeasibilityDto } from '@/lib/data/mappers';
import { lastDayOf } from './dates';

/** One sentence, written from the numbers, that says whether the goal is still reachable. */
export function VerdictSentence({
  assessment,
  timeZone,
}: {
  assessment: FeasibilityDto;
  timeZone: string;
}) {
  const t = useTranslations('Verdict');
  const format = useFormatter();
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : format.number(value, { maximumFractionDigits: 0 });
  const whole = assessment.observedPace.wholeOperation;
  const values = {
    goal: count(assessment.goal),
    evacuated: count(assessment.evacuated),
    remaining: count(assessment.remaining),
    required: count(assessment.requiredPacePerDay),
    observed: count(whole?.perDay),
    projected: count(whole?.projectedTotalAtDeadline),
    shortfall: count(assessment.shortfallAtWholeOperationPace),
    deadline: format.dateTime(lastDayOf(assessment.deadline), { day: 'numeric', month: 'long', timeZone }),
    asOf: format.dateTime(new Date(assessment.evaluatedAt), { dateStyle: 'long', timeZone }),
  };
  return (
    <p className={`verdict verdict-${assessment.verdict}`} data-verdict={assessment.verdict}>
      {t(assessment.verdict, values)}
    </p>
  );
}
