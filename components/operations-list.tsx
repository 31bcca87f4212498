import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { OperationDto } from '@/lib/data/dto';
import { lastDayOf } from './dates';

/** Every operation with its dates, linking to its page. */
export function OperationsList({ operations }: { operations: OperationDto[] }) {
  const t = useTranslations('Operations');
  const format = useFormatter();
  const day = (iso: string, timeZone: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'long', timeZone });
  if (operations.length === 0) return <p>{t('none')}</p>;
  return (
    <ul className="plain-list operations-list">
      {operations.map((operation) => (
        <li key={operation.slug} className="panel">
          <Link href={`/operations/${operation.slug}`} className="operation-link">
            {operation.name}
          </Link>
          <p className="muted">
            {t('dates', {
              start: day(operation.startsAt, operation.timeZone),
              deadline: day(lastDayOf(operation.deadline).toISOString(), operation.timeZone),
            })}
          </p>
          {operation.description ? <p>{operation.description}</p> : null}
        </li>
      ))}
    </ul>
  );
}
