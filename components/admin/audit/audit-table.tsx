import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { AuditPage } from '@/lib/audit/audit-read';

/** The audit log, newest first, one page; times in UTC as the log records them. */
export function AuditTable({ page, isFirstPage }: { page: AuditPage; isFirstPage: boolean }) {
  const t = useTranslations('AdminAudit');
  const format = useFormatter();
  return (
    <>
      {page.entries.length === 0 ? <p>{t('none')}</p> : null}
      <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
        <table className="audit-table">
          <caption id="audit-caption">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('channel')}</th>
              <th scope="col">{t('address')}</th>
              <th scope="col">{t('entity')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id} data-audit={entry.id}>
                <td>
                  <time dateTime={entry.at}>
                    {format.dateTime(new Date(entry.at), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC
                  </time>
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.actorEmail ?? t('nobody')}</td>
                <td>{entry.channel}</td>
                <td>{entry.ipAddress ?? t('unknown')}</td>
                <td>{entry.entityType ? `${entry.entityType} ${entry.entityId ?? ''}` : '—'}</td>
                <td className="audit-details">{entry.details ? <code>{entry.details}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('pages')}>
        {isFirstPage ? null : <Link href="/admin/audit">{t('newest')}</Link>}
        {page.nextBefore ? <Link href={`/admin/audit?before=${page.nextBefore}`}>{t('older')}</Link> : null}
      </nav>
    </>
  );
}
