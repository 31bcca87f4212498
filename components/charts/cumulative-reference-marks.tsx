'use client';

// The reference marks of the cumulative chart: the goal (a line, or a band for a range), the
// deadline, and the numbered events. Recharts 3 lets these live in a component of their own.

import { useTranslations } from 'next-intl';
import { ReferenceArea, ReferenceLine } from 'recharts';
import { eventMarkGroups } from '@/lib/chart-data/chart-annotations';
import type { CumulativeChartData } from '@/lib/chart-data/cumulative-chart-data';
import { CHART_COLOR } from './chart-style';
import type { ChartFormat } from './use-chart-format';

const LABEL = { fontSize: 12 } as const;

export function GoalMarks({ goal, format }: { goal: CumulativeChartData['goal']; format: ChartFormat }) {
  const t = useTranslations('Charts.marks');
  if (!goal) return null;
  const high = format.count(goal.high);
  return (
    <>
      {goal.isRange ? (
        <ReferenceArea y1={goal.low} y2={goal.high} fill={CHART_COLOR.goal} fillOpacity={0.14} stroke="none" />
      ) : null}
      <ReferenceLine
        y={goal.high}
        stroke={CHART_COLOR.goal}
        strokeWidth={2}
        // Above the high line and below the low one: the two labels never collide in a thin band.
        label={{
          ...LABEL,
          value: goal.isRange ? t('goalHigh', { value: high }) : t('goal', { value: high }),
          position: 'insideBottomLeft',
          fill: CHART_COLOR.goal,
        }}
      />
      {goal.isRange ? (
        <ReferenceLine
          y={goal.low}
          stroke={CHART_COLOR.goal}
          strokeWidth={2}
          label={{ ...LABEL, value: t('goalLow', { value: format.count(goal.low) }), position: 'insideTopLeft', fill: CHART_COLOR.goal }}
        />
      ) : null}
    </>
  );
}

export function DeadlineMark({ deadline, format }: { deadline: CumulativeChartData['deadline']; format: ChartFormat }) {
  const t = useTranslations('Charts.marks');
  return (
    <ReferenceLine
      x={deadline.t}
      stroke={CHART_COLOR.deadline}
      strokeWidth={2}
      label={{ ...LABEL, value: t('deadline', { date: format.tick(deadline.lastDay) }), position: 'insideTopRight', fill: CHART_COLOR.deadline }}
    />
  );
}

/** One dotted vertical per instant, labelled with the numbers of its events ("2? 3?"). */
export function EventMarks({ events }: { events: CumulativeChartData['events'] }) {
  const t = useTranslations('Charts.marks');
  return eventMarkGroups(events).map((group) => (
    <ReferenceLine
      key={group.t}
      x={group.t}
      stroke={CHART_COLOR.event}
      strokeDasharray="2 3"
      label={{
        ...LABEL,
        value: group.events
          .map((event) => (event.dateStated ? String(event.number) : t('eventUndated', { number: event.number })))
          .join(' '),
        position: 'top',
        fill: CHART_COLOR.event,
        fontWeight: 600,
      }}
    />
  ));
}
