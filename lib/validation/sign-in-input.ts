// Staff sign-in, { email, password }: the sign-in route's body.
import { z } from 'zod';

/** The longest password accepted anywhere (hashing a longer one would only cost the server time). */
export const MAX_PASSWORD_LENGTH = 256;

export const signInSchema = z.object({
  email: z.string({ error: 'is required' }).trim().min(1, 'is required').max(320, 'must be at most 320 characters'),
  password: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
