import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { OperationDto } from '@/lib/data/dto';
import { lastDayOf } from '../dates';

/** The operations an editor can enter figures for, each linking to its admin page. */
export function AdminOperationsList({ operations }: { operations: OperationDto[] }) {
  const t = useTranslations('AdminHome');
  const format = useFormatter();
  const day = (iso: string, timeZone: string) => format.dateTime(new Date(iso), { dateStyle: 'long', timeZone });
  if (operations.length === 0) return <p>{t('none')}</p>;
  return (
    <ul className="plain-list">
      {operations.map((operation) => (
        <li key={operation.slug} className="panel">
          <Link href={`/admin/operations/${operation.slug}`} className="operation-link">
            {operation.name}
          </Link>
          <p className="muted">
            {t('dates', {
              start: day(operation.startsAt, operation.timeZone),
              deadline: day(lastDayOf(operation.deadline).toISOString(), operation.timeZone),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}
