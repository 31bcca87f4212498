import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { OperationsList } from '@/components/operations-list';
import { listOperations } from '@/lib/data/operation-list';

export default async function OperationsPage() {
  await connection();
  const t = await getTranslations('Operations');
  return (
    <section>
      <h1>{t('title')}</h1>
      <OperationsList operations={await listOperations()} />
    </section>
  );
}
