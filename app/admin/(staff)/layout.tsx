import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { AdminHeader } from '@/components/admin/admin-header';
import { signInPath } from '@/lib/admin/safe-next';
import { currentStaff } from '@/lib/auth/staff-page';
import { signOutAction } from './actions';

// Every page below checks the session itself too: this layout only draws who is signed in.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect(signInPath());
  return (
    <>
      <AdminHeader staff={{ email: staff.email, name: staff.name, role: staff.role }} signOut={signOutAction} />
      {children}
    </>
  );
}
