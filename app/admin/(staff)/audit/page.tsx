import { getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { ForbiddenNotice } from '@/components/admin/forbidden-notice';
import { listAuditEntries, parseAuditCursor } from '@/lib/audit/audit-read';
import { requireStaffPage } from '@/lib/auth/staff-page';

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const access = await requireStaffPage('admin', '/admin/audit');
  if (!access.allowed) return <ForbiddenNotice />;
  const before = parseAuditCursor((await searchParams).before);
  const t = await getTranslations('AdminAudit');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <AuditTable page={await listAuditEntries({ before })} isFirstPage={before === undefined} />
    </section>
  );
}
