'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/admin/form-state';
import { failedState, refusedState } from '@/lib/admin/write-form';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { checkStaff } from '@/lib/auth/staff-session';
import { apiTokenInputSchema, apiTokenRevokeSchema } from '@/lib/validation/admin-input';
import { formDataToInput, parseInput } from '@/lib/validation/field-errors';

const TOKENS_PATH = '/admin/tokens';

export async function createTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const parsed = parseInput(apiTokenInputSchema, formDataToInput(formData));
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  try {
    const created = await createApiToken(check.actor, parsed.data.name);
    revalidatePath(TOKENS_PATH);
    // The only time the token leaves the server: only its hash is stored.
    return { status: 'saved', id: created.id, secret: created.token };
  } catch (error) {
    return failedState(error, 'createToken');
  }
}

export async function revokeTokenAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const parsed = parseInput(apiTokenRevokeSchema, formDataToInput(formData));
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  try {
    const revoked = await revokeApiToken(check.actor, parsed.data.id);
    revalidatePath(TOKENS_PATH);
    return revoked ? { status: 'saved', id: parsed.data.id } : { status: 'refused', reason: 'no_such_token' };
  } catch (error) {
    return failedState(error, 'revokeToken');
  }
}
