import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { safeAdminNext } from '@/lib/admin/safe-next';
import { currentStaff } from '@/lib/auth/staff-page';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeAdminNext((await searchParams).next);
  // Already signed in: straight on.
  if (await currentStaff()) redirect(next);
  const t = await getTranslations('AdminSignIn');
  return (
    <section className="admin-narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <SignInForm next={next} />
    </section>
  );
}
