// The query parameters of GET /api/operations/[slug]/figures.csv, validated by one zod schema.
//
//   group      population-group slug (checked against the operation's groups by the data layer)
//   from, to   'YYYY-MM-DD' on the figure's as-of, in the operation's time zone: from the start
//              of `from` to the end of `to`, both days included
//   asOf       'YYYY-MM-DD': what was knowable then, i.e. figures with an as-of before the end of
//              that day (the page's asOf means the same)
//   revisions  'current' (default): the figures in force; 'all': superseded and retracted
//              revisions too, with their status and correction reason
//   excel, hxl 0/1/true/false: the byte-order mark for Excel; the HXL hashtag row
//
// An empty value (`asOf=` from a form left blank) means "not given". Unknown parameter names are
// ignored (cache busters, tracking tags); a known one given twice is an error, not a guess.
import { z } from 'zod';
import { endOfDayInZone, startOfDayInZone } from '../feasibility/zoned-day';

export const EXPORT_PARAMETERS = ['group', 'from', 'to', 'asOf', 'revisions', 'excel', 'hxl'] as const;
export type ExportParameterName = (typeof EXPORT_PARAMETERS)[number];

export interface ParameterError {
  parameter: ExportParameterName;
  message: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-\d{2}-\d{2}$/;
// Four-digit years whose next day is still a four-digit year (the end of a day is the next one's start).
const [FIRST_DAY, LAST_DAY] = ['1000-01-01', '9998-12-31'];

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const instant = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === value;
}

const day = (name: string) =>
  z
    .string()
    .refine(isCalendarDate, { message: `${name} must be a date as YYYY-MM-DD, e.g. 2021-08-22` })
    .refine((value) => value >= FIRST_DAY && value <= LAST_DAY, {
      message: `${name} must be between ${FIRST_DAY} and ${LAST_DAY}`,
    })
    .meta({ description: 'YYYY-MM-DD, a day in the operation’s time zone', example: '2021-08-22' })
    .optional();

const flag = (name: string) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['0', '1', 'true', 'false'], { error: `${name} must be 0, 1, true or false` }))
    .transform((value) => value === '1' || value === 'true')
    .default(false);

/** The filters the export shares with the JSON API's figure list (lib/api/figure-list-params.ts). */
export const figureFilterShape = {
  group: z
    .string()
    .max(80, { message: 'group must be a group slug such as all-evacuees' })
    .regex(SLUG, { message: 'group must be a group slug such as all-evacuees' })
    .optional(),
  from: day('from'),
  to: day('to'),
  asOf: day('asOf'),
  revisions: z
    .enum(['current', 'all'], { error: 'revisions must be current or all' })
    .default('current'),
};

/** from/to in order; only two valid dates have an order, a malformed one is reported on its own. */
export const fromNotAfterTo = (params: { from?: string; to?: string }) =>
  !params.from || !params.to || !isCalendarDate(params.from) || !isCalendarDate(params.to) || params.from <= params.to;
export const FROM_AFTER_TO = { path: ['from'], message: 'from must be on or before to' };

export const exportParamsSchema = z
  .object({ ...figureFilterShape, excel: flag('excel'), hxl: flag('hxl') })
  .refine(fromNotAfterTo, FROM_AFTER_TO);

export type FigureExportParams = z.infer<typeof exportParamsSchema>;

export type ParsedExportParams =
  | { ok: true; params: FigureExportParams }
  | { ok: false; errors: ParameterError[] };

export function parseFigureExportParams(search: URLSearchParams): ParsedExportParams {
  const errors: ParameterError[] = [];
  const input: Partial<Record<ExportParameterName, string>> = {};
  for (const name of EXPORT_PARAMETERS) {
    const values = search.getAll(name).filter((value) => value !== '');
    if (values.length > 1) errors.push({ parameter: name, message: `${name} must be given once` });
    else if (values[0] !== undefined) input[name] = values[0];
  }
  const parsed = exportParamsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const parameter = issue.path[0] as ExportParameterName;
      // The from/to order is only worth reporting once both dates are valid.
      if (!errors.some((error) => error.parameter === parameter)) {
        errors.push({ parameter, message: issue.message });
      }
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, params: parsed.data };
}

/** The as-of range the parameters select, as instants: [from, before). Either end may be open. */
export interface AsOfRange {
  from?: Date;
  before?: Date;
}

export function asOfRange(params: Pick<FigureExportParams, 'from' | 'to' | 'asOf'>, timeZone: string): AsOfRange {
  const ends = [params.to, params.asOf]
    .filter((date): date is string => date !== undefined)
    .map((date) => endOfDayInZone(date, timeZone).getTime());
  return {
    from: params.from ? startOfDayInZone(params.from, timeZone) : undefined,
    before: ends.length > 0 ? new Date(Math.min(...ends)) : undefined,
  };
}

export function unknownGroupError(group: string, knownGroups: readonly string[]): ParameterError {
  const known = knownGroups.length > 0 ? knownGroups.join(', ') : 'none';
  return { parameter: 'group', message: `group "${group}" is not a group of this operation (${known})` };
}

/** "kabul-2021-figures-asof-2021-08-22.csv"; the group when there is one; "latest" without asOf. */
export function exportFileName(operationSlug: string, params: FigureExportParams): string {
  const subject = params.group ? `${operationSlug}-${params.group}` : operationSlug;
  return `${subject}-figures-${params.asOf ? `asof-${params.asOf}` : 'latest'}.csv`;
}
