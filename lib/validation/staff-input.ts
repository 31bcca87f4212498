// Staff accounts: the sign-in form, and the account an admin (or `npm run admin:create`) creates.
import { z } from 'zod';
import { choice, isStorableText, requiredText, STORABLE_TEXT_MESSAGE } from './fields';

/** Long enough to resist guessing; no composition rules, per NIST SP 800-63B. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const signInInputSchema = z.object({
  email: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(320, 'must be at most 320 characters')
    // The address is looked up and written to the audit log: PostgreSQL refuses NUL in text.
    .refine(isStorableText, STORABLE_TEXT_MESSAGE),
  password: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});

export const staffUserInputSchema = z.object({
  email: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.email({ error: (issue) => (issue.input === undefined || issue.input === '' ? 'is required' : 'must be an email address') }).max(320),
  ),
  name: requiredText(200),
  role: choice(['admin', 'editor'] as const),
  password: z
    .string({ error: 'is required' })
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
