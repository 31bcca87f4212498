import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminOperationEditor } from '@/components/admin/admin-operation-editor';
import { adminOperationPath } from '@/lib/admin/write-form';
import { requireStaffPage } from '@/lib/auth/staff-page';
import { getAdminOperation } from '@/lib/data/admin-figures';
import {
  addEventAction,
  addFigureAction,
  addStatementAction,
  addTargetAction,
  correctFigureAction,
  retractFigureAction,
} from './actions';

export default async function AdminOperationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireStaffPage('editor', adminOperationPath(slug));
  const data = await getAdminOperation(slug);
  if (!data) notFound();
  const t = await getTranslations('AdminOperation');
  return (
    <section>
      <h1>{t('title', { name: data.operation.name })}</h1>
      <p>
        <Link href={`${adminOperationPath(slug)}/import`}>{t('importLink')}</Link>
      </p>
      <AdminOperationEditor
        data={data}
        actions={{
          addFigure: addFigureAction,
          correctFigure: correctFigureAction,
          retractFigure: retractFigureAction,
          addTarget: addTargetAction,
          addEvent: addEventAction,
          addStatement: addStatementAction,
        }}
      />
    </section>
  );
}
