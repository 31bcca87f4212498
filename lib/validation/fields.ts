// Field schemas shared by every input schema: the same words for the same mistakes, whether the
// value came from the admin form, the write API or an import.
import { z } from 'zod';

export const MAX_COUNT = 1_000_000_000;

/** Trimmed text; empty (or only spaces) counts as not given. */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

/** A lone half of a surrogate pair: JSON can carry one ("\ud800"), UTF-8 cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL can store as it was sent: it refuses NUL characters in text (the write would
 * fail), and a lone surrogate would be stored as U+FFFD, silently changing what was typed.
 */
export const isStorableText = (value: string) => !value.includes('\u0000') && !LONE_SURROGATE.test(value);
export const STORABLE_TEXT_MESSAGE = 'must be plain text: no NUL characters or broken Unicode';

export function requiredText(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .max(max, `must be at most ${max.toLocaleString('en')} characters`)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE),
  );
}

export function optionalText(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'must be text' })
      .max(max, `must be at most ${max.toLocaleString('en')} characters`)
      .refine(isStorableText, STORABLE_TEXT_MESSAGE)
      .optional(),
  );
}

/**
 * A number as people write it: plain digits, or thousands grouped by commas, spaces or
 * underscores ("25,100", "25 100"), with a sign or a fraction only so that they get the count's
 * sentence. Separators elsewhere ("1,5" is one and a half in much of Europe) are not thousands.
 */
const WRITTEN_NUMBER = /^-?(?:\d+|\d{1,3}(?:[,\s_]\d{3})+)(?:\.\d+)?$/;

/**
 * A whole number of people. Form fields arrive as text, the API as JSON numbers: both are read
 * here, and "1,5", "12.5", "1e3" or "-3" get a sentence, not a silent coercion.
 */
function countSchema(message: string) {
  return z.preprocess(
    (value) => {
      const trimmed = blankToUndefined(value);
      if (typeof trimmed === 'string' && WRITTEN_NUMBER.test(trimmed)) return Number(trimmed.replace(/[,\s_]/g, ''));
      return trimmed;
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? 'is required' : message) })
      .int(message)
      .min(0, message)
      .max(MAX_COUNT, message),
  );
}

const COUNT_MESSAGE = `must be a whole number from 0 to ${MAX_COUNT.toLocaleString('en')}`;
export const count = countSchema(COUNT_MESSAGE);
export const optionalCount = z.preprocess(blankToUndefined, countSchema(COUNT_MESSAGE).optional());

export const slug = z.preprocess(
  blankToUndefined,
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .max(80, 'must be at most 80 characters')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as all-evacuees'),
);

/** A row id: a positive whole number (form fields send it as text). */
export const rowId = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value) : blankToUndefined(value)),
  z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a figure number') })
    .int('must be a figure number')
    .positive('must be a figure number')
    .max(2_147_483_647, 'must be a figure number'),
);

/** Checkboxes send "on" when ticked and nothing otherwise; JSON sends booleans. */
export const flag = z
  .preprocess(
    (value) => (value === '' ? false : value === 'on' || value === 'true' ? true : value === 'false' ? false : value),
    z.boolean({ error: 'must be true or false' }),
  )
  // Left out means false; as a default rather than in the preprocess, so the API's document says so.
  .default(false);

/** Only web addresses: a link a reader may click must never run script (javascript:, data:). */
export const webUrl = z.preprocess(
  blankToUndefined,
  z
    .string({ error: 'must be text' })
    .max(2048, 'must be at most 2,048 characters')
    .refine(isStorableText, STORABLE_TEXT_MESSAGE)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be a web address starting with http:// or https://')
    .optional(),
);

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    blankToUndefined,
    z.enum(values, {
      error: (issue) => (issue.input === undefined ? 'is required' : `must be one of: ${values.join(', ')}`),
    }),
  );
}

/**
 * Options for a cross-field rule: run it even when other fields have errors (so the editor sees
 * every problem at once), but only when the fields it reads are themselves valid, and never when
 * the input is not an object at all (an issue without a path): the rule would read fields of null.
 */
export function whenValid(...fields: string[]) {
  return {
    when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
      !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
  };
}
