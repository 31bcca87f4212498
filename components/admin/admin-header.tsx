import { useTranslations } from 'next-intl';
import Link from 'next/link';

interface SignedInStaff {
  email: string;
  name: string;
  role: 'admin' | 'editor';
}

/** Who is signed in, where they can go, and the way out. Sign-out is a plain form: no JS needed. */
export function AdminHeader({ staff, signOut }: { staff: SignedInStaff; signOut: () => Promise<void> }) {
  const t = useTranslations('AdminHeader');
  return (
    <div className="admin-header">
      <nav aria-label={t('nav')} className="admin-nav">
        <Link href="/admin">{t('operations')}</Link>
        <Link href="/admin/tokens">{t('tokens')}</Link>
        {staff.role === 'admin' ? <Link href="/admin/users">{t('users')}</Link> : null}
        {staff.role === 'admin' ? <Link href="/admin/audit">{t('audit')}</Link> : null}
      </nav>
      <div className="admin-who">
        <span data-signed-in={staff.email}>{t('signedInAs', { name: staff.name, email: staff.email, role: t(`roles.${staff.role}`) })}</span>
        <form action={signOut}>
          <button type="submit">{t('signOut')}</button>
        </form>
      </div>
    </div>
  );
}
