import type { ReactNode } from 'react';
import { AdminHeader } from '@/components/admin/admin-header';
import { currentStaff } from '@/lib/auth/staff-page';
import { signOutAction } from './actions';

// Draws who is signed in. The gate is in each page (requireStaffPage), which sends a signed-out
// visitor to sign in and back to that very page; a redirect here would win the race and lose the
// page's address.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
      {staff ? <AdminHeader staff={{ email: staff.email, name: staff.name, role: staff.role }} signOut={signOutAction} /> : null}
      {children}
    </>
  );
}
