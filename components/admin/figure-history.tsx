import { useFormatter, useTranslations } from 'next-intl';
import type { AdminGroupFiguresDto } from '@/lib/data/admin-figures';
import type { FormAction } from './forms/admin-form';
import { FigureCorrectionForms } from './forms/figure-correction-forms';
import { RevisionItem } from './revision-item';

/**
 * Every figure of every group with its whole history, oldest revision first, so a correction
 * never hides what was published before. Correct and Retract sit under each figure in force.
 */
export function FigureHistory({
  figures,
  operation,
  timeZone,
  correct,
  retract,
}: {
  figures: AdminGroupFiguresDto[];
  operation: string;
  timeZone: string;
  correct: FormAction;
  retract: FormAction;
}) {
  const t = useTranslations('AdminHistory');
  const format = useFormatter();
  return (
    <>
      {figures.map(({ group, chains }) => (
        <section key={group.slug} className="history-group" aria-labelledby={`history-${group.slug}`}>
          <h3 id={`history-${group.slug}`}>{t('groupTitle', { group: group.name, count: chains.length })}</h3>
          {chains.length === 0 ? <p className="muted">{t('none')}</p> : null}
          <ul className="plain-list figure-chains">
            {chains.map(({ head, revisions }) => (
              <li key={revisions[0]!.id} className="panel figure-chain" data-figure-chain={revisions[0]!.id}>
                <p className="chain-title">
                  {head.status === 'retracted'
                    ? t('chainRetracted', { value: format.number(head.value) })
                    : t('chainCurrent', { value: format.number(head.value) })}
                  {revisions.length > 1 ? <span className="muted"> {t('revisionCount', { count: revisions.length })}</span> : null}
                </p>
                <ol className="revisions">
                  {revisions.map((revision) => (
                    <RevisionItem key={revision.id} revision={revision} timeZone={timeZone} />
                  ))}
                </ol>
                {head.status === 'current' ? (
                  <FigureCorrectionForms correct={correct} retract={retract} operation={operation} timeZone={timeZone} revisionId={head.id} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
