// The view parameters of an operation's page and of its public JSON API, parsed by one schema so
// a link that works on the page works on the API and the two reject the same input the same way.
//
//   asOf   'YYYY-MM-DD', optional: show what was knowable by the END of that day in the
//          operation's time zone (the view instant is the day's last millisecond).
//   group  population-group slug, optional: the group to chart (the default is the data layer's).
//
// Pure (no server-only imports), so a client component may reuse the schema to build links.
import { z } from 'zod';
import { endOfDayInZone } from './feasibility/zoned-day';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ASOF_FORMAT_MESSAGE = 'asOf must be a date as YYYY-MM-DD';
export const GROUP_FORMAT_MESSAGE = 'group must be a group slug such as all-evacuees';

/** Whether a 'YYYY-MM-DD' string names a real calendar day (2021-02-30 does not). */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const instant = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value;
}

/** The syntax of the parameters: what can be checked without knowing the operation. */
export const viewParamsSchema = z.object({
  asOf: z
    .string({ error: ASOF_FORMAT_MESSAGE })
    .refine(isCalendarDate, { message: ASOF_FORMAT_MESSAGE })
    .optional(),
  group: z
    .string({ error: GROUP_FORMAT_MESSAGE })
    .max(80, { message: GROUP_FORMAT_MESSAGE })
    .regex(SLUG, { message: GROUP_FORMAT_MESSAGE })
    .optional(),
});

export type ViewParamsInput = z.infer<typeof viewParamsSchema>;

export type ViewParameterName = keyof ViewParamsInput;

export interface ViewParamError {
  parameter: ViewParameterName;
  /** Machine-readable, so the page can show its own translated message. */
  code: 'invalid_date' | 'before_start' | 'invalid_group' | 'unknown_group' | 'repeated';
  message: string;
}

export type ViewParamsResult =
  | {
      ok: true;
      /** The view instant: last millisecond of the asOf day in the operation's zone. */
      asOf?: Date;
      /** The asOf day as given, for links and date inputs. */
      asOfDate?: string;
      group?: string;
    }
  | { ok: false; errors: ViewParamError[] };

/** What resolving the parameters needs to know about the operation. */
export interface ViewOperation {
  timeZone: string;
  startsAt: Date;
  groups: readonly { slug: string }[];
}

/** URLSearchParams, or the plain object Next.js gives a page as `searchParams`. */
export type RawViewParams =
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export function parseViewParams(raw: RawViewParams, operation: ViewOperation): ViewParamsResult {
  const errors: ViewParamError[] = [];
  const input: Record<string, string> = {};
  for (const name of ['asOf', 'group'] as const) {
    const values = valuesOf(raw, name);
    // A date field left empty in a form arrives as `asOf=`: that means "no choice", not an error.
    const given = values.filter((value) => value !== '');
    if (given.length > 1) {
      errors.push({ parameter: name, code: 'repeated', message: `${name} must be given once` });
    } else if (given[0] !== undefined) {
      input[name] = given[0];
    }
  }

  // Field by field, so one bad parameter does not hide another.
  const asOfDate = parseField('asOf', input.asOf, errors);
  const group = parseField('group', input.group, errors);

  let asOf: Date | undefined;
  if (asOfDate !== undefined) {
    const startDay = dayInZone(operation.startsAt, operation.timeZone);
    if (asOfDate < startDay) {
      errors.push({
        parameter: 'asOf',
        code: 'before_start',
        message: `asOf is before the operation started on ${startDay}`,
      });
    } else {
      asOf = lastInstantOfDay(asOfDate, operation.timeZone);
      if (!asOf) errors.push({ parameter: 'asOf', code: 'invalid_date', message: ASOF_FORMAT_MESSAGE });
    }
  }

  if (group !== undefined && !operation.groups.some((candidate) => candidate.slug === group)) {
    const known = operation.groups.map((candidate) => candidate.slug).join(', ');
    errors.push({
      parameter: 'group',
      code: 'unknown_group',
      message: `group "${group}" is not a group of this operation (${known})`,
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    ...(asOf ? { asOf, asOfDate } : {}),
    ...(group !== undefined ? { group } : {}),
  };
}

/** Undefined for a day the zone arithmetic cannot represent (the last day of year 9999). */
function lastInstantOfDay(date: string, timeZone: string): Date | undefined {
  try {
    // endOfDayInZone is the exclusive start of the next day; the view includes the whole day.
    return new Date(endOfDayInZone(date, timeZone).getTime() - 1);
  } catch {
    return undefined;
  }
}

function parseField(
  name: ViewParameterName,
  value: string | undefined,
  errors: ViewParamError[],
): string | undefined {
  if (errors.some((error) => error.parameter === name)) return undefined;
  const parsed = viewParamsSchema.shape[name].safeParse(value);
  if (parsed.success) return parsed.data;
  const code = name === 'group' ? 'invalid_group' : 'invalid_date';
  errors.push({ parameter: name, code, message: parsed.error.issues[0]?.message ?? code });
  return undefined;
}

function valuesOf(raw: RawViewParams, name: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(name);
  const value = raw[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** The calendar day ('YYYY-MM-DD') of an instant in a time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((part) => part.type === type)?.value ?? '';
  return `${field('year').padStart(4, '0')}-${field('month')}-${field('day')}`;
}
