'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/admin/form-state';
import { failedState, refusedState } from '@/lib/admin/write-form';
import { checkStaff } from '@/lib/auth/staff-session';
import { createStaffUser, setStaffUserDisabled } from '@/lib/auth/staff-users';
import { getPrisma } from '@/lib/db';
import { userDisabledInputSchema } from '@/lib/validation/admin-input';
import { formDataToInput, parseInput } from '@/lib/validation/field-errors';

const USERS_PATH = '/admin/users';

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'admin');
  if (!check.ok) return refusedState(check);
  try {
    const result = await createStaffUser(getPrisma(), { actor: check.actor }, formDataToInput(formData));
    if (!result.ok) return { status: 'invalid', errors: result.errors };
    revalidatePath(USERS_PATH);
    return { status: 'saved', id: result.user.id };
  } catch (error) {
    return failedState(error, 'createUser');
  }
}

export async function setUserDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'admin');
  if (!check.ok) return refusedState(check);
  const parsed = parseInput(userDisabledInputSchema, formDataToInput(formData));
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const { userId, disabled } = parsed.data;
  try {
    const result = await setStaffUserDisabled(getPrisma(), check.actor, userId, disabled);
    if (!result.ok) return { status: 'refused', reason: userId === check.actor.userId ? 'own_account' : 'no_such_user' };
    revalidatePath(USERS_PATH);
    return { status: 'saved', id: userId };
  } catch (error) {
    return failedState(error, 'setUserDisabled');
  }
}
