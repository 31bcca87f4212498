import { getTranslations } from 'next-intl/server';
import { ForbiddenNotice } from '@/components/admin/forbidden-notice';
import { UserCreateForm } from '@/components/admin/users/user-create-form';
import { UserList } from '@/components/admin/users/user-list';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-hashing';
import { requireStaffPage } from '@/lib/auth/staff-page';
import { listStaffUsers } from '@/lib/auth/staff-users';
import { getPrisma } from '@/lib/db';
import { createUserAction, setUserDisabledAction } from './actions';

export default async function UsersPage() {
  const access = await requireStaffPage('admin', '/admin/users');
  if (!access.allowed) return <ForbiddenNotice />;
  const t = await getTranslations('AdminUsers');
  return (
    <section>
      <h1>{t('title')}</h1>
      <UserList users={await listStaffUsers(getPrisma())} selfId={access.staff.userId} setDisabled={setUserDisabledAction} />
      <UserCreateForm action={createUserAction} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </section>
  );
}
