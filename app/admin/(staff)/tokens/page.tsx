import { getTranslations } from 'next-intl/server';
import { TokenCreateForm } from '@/components/admin/tokens/token-create-form';
import { TokenList } from '@/components/admin/tokens/token-list';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { requireStaffPage } from '@/lib/auth/staff-page';
import { createTokenAction, revokeTokenAction } from './actions';

export default async function TokensPage() {
  const { staff } = await requireStaffPage('editor', '/admin/tokens');
  const t = await getTranslations('AdminTokens');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <TokenCreateForm action={createTokenAction} />
      <TokenList tokens={await listApiTokens(staff.userId)} revoke={revokeTokenAction} />
    </section>
  );
}
