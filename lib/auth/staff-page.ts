// The session check of the admin pages and layouts. Each page asks for itself (a layout is not
// re-run on every navigation, so it cannot be the only gate); React's cache() makes the layout's
// and the page's question one database read per request.
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getStaffSession, hasRole, type StaffRole, type StaffSession } from './staff-session';
import { signInPath } from '../admin/safe-next';

export const currentStaff = cache(async (): Promise<StaffSession | null> => getStaffSession(await headers()));

export type StaffPageAccess = { allowed: true; staff: StaffSession } | { allowed: false; staff: StaffSession };

/**
 * The signed-in staff member, or a redirect to the sign-in page (coming back to `path` after).
 * `allowed` is false when their role is not enough: the page then says so instead of rendering.
 */
export async function requireStaffPage(needed: StaffRole, path: string): Promise<StaffPageAccess> {
  const staff = await currentStaff();
  if (!staff) redirect(signInPath(path));
  return { allowed: hasRole(staff.role, needed), staff };
}
