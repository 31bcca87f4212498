// Small admin inputs: the name a staff member gives a new API token, the token a revoke names,
// and the account an admin disables or enables.
import { z } from 'zod';
import { isStorableText, requiredText, rowId } from './fields';

export const apiTokenInputSchema = z.object({ name: requiredText(100) });

export const apiTokenRevokeSchema = z.object({ id: rowId });

export const userDisabledInputSchema = z.object({
  userId: z.string({ error: 'is required' }).min(1, 'is required').max(64, 'must be a user id').refine(isStorableText, 'must be a user id'),
  disabled: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true'),
});
