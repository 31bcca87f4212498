import { useFormatter, useTranslations } from 'next-intl';
import type { StatementWithArithmetic } from '@/lib/data/dto';
import { SourceNote } from './source-note';

/** Claims about feasibility, each with the arithmetic as it stood when it was made. */
export function StatementsList({
  statements,
  timeZone,
}: {
  statements: StatementWithArithmetic[];
  timeZone: string;
}) {
  const t = useTranslations('Operation');
  const format = useFormatter();
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? t('notAvailable') : format.number(value, { maximumFractionDigits: 0 });
  if (statements.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="statements-heading">
      <h2 id="statements-heading">{t('statements')}</h2>
      {statements.map((statement) => (
        <figure key={`${statement.speaker}-${statement.saidAt}`} className="statement">
          <blockquote>
            <p>“{statement.quote}”</p>
          </blockquote>
          <figcaption>
            {t('statementBy', {
              speaker: statement.speaker,
              role: statement.speakerRole ?? '',
              date: format.dateTime(new Date(statement.saidAt), { dateStyle: 'long', timeZone }),
            })}
          </figcaption>
          {statement.arithmetic ? (
            <p className="statement-arithmetic">
              {t('statementArithmetic', {
                required: count(statement.arithmetic.requiredPacePerDay),
                observed: count(statement.arithmetic.observedPace.wholeOperation?.perDay),
              })}
            </p>
          ) : null}
          <SourceNote source={statement.source} timeZone={timeZone} />
        </figure>
      ))}
    </section>
  );
}
