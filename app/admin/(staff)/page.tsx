import { getTranslations } from 'next-intl/server';
import { AdminOperationsList } from '@/components/admin/admin-operations-list';
import { requireStaffPage } from '@/lib/auth/staff-page';
import { listOperations } from '@/lib/data/operation-list';

export default async function AdminHomePage() {
  await requireStaffPage('editor', '/admin');
  const t = await getTranslations('AdminHome');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <AdminOperationsList operations={await listOperations()} />
    </section>
  );
}
