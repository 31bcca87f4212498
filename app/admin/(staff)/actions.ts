'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SIGN_IN_PATH } from '@/lib/admin/safe-next';
import { signOutStaff } from '@/lib/auth/sign-in';
import { checkStaff } from '@/lib/auth/staff-session';

export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  const check = await checkStaff(requestHeaders, 'editor');
  if (check.ok) await signOutStaff(requestHeaders);
  redirect(SIGN_IN_PATH);
}
