// The query of GET /api/operations/:slug/figures: the CSV export's filters (same schema, same
// meaning: see lib/csv/export-params.ts), plus the page size and the cursor of the next page.
import { z } from 'zod';
import { figureFilterShape, FROM_AFTER_TO, fromNotAfterTo } from '../csv/export-params';
import { decodeCursor, type CursorFilters } from './figure-cursor';
import type { FigurePagePosition } from '../csv/export-query';
import { readQuery, type ParameterError } from './query-params';

export const FIGURE_LIST_PARAMETERS = ['group', 'from', 'to', 'asOf', 'revisions', 'limit', 'cursor'] as const;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1_000;

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${MAX_PAGE_SIZE.toLocaleString('en')}`;

export const figureListQuerySchema = z
  .object({
    ...figureFilterShape,
    limit: z
      .string()
      .regex(/^\d{1,7}$/, { message: LIMIT_MESSAGE })
      .transform(Number)
      .pipe(z.int().min(1, { message: LIMIT_MESSAGE }).max(MAX_PAGE_SIZE, { message: LIMIT_MESSAGE }))
      .default(DEFAULT_PAGE_SIZE)
      .meta({
        description: 'Figures per page',
        // Read from text like every query value, but documented as the number it is.
        override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
          delete jsonSchema.pattern;
          Object.assign(jsonSchema, { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE });
        },
      }),
    cursor: z
      .string()
      .max(400, { message: 'cursor is too long to be one this API gave out' })
      .optional()
      .meta({ description: 'nextCursor of the previous page, as it was given' }),
  })
  .refine(fromNotAfterTo, FROM_AFTER_TO);

export interface FigureListParams {
  filters: CursorFilters & { revisions: 'current' | 'all' };
  limit: number;
  after?: FigurePagePosition;
}

export function parseFigureListParams(
  search: URLSearchParams,
  cursorKey: Buffer,
): { ok: true; params: FigureListParams } | { ok: false; errors: ParameterError[] } {
  const query = readQuery(search, FIGURE_LIST_PARAMETERS);
  if (!query.ok) return query;
  const parsed = figureListQuerySchema.safeParse(query.values);
  if (!parsed.success) {
    const errors: ParameterError[] = [];
    for (const issue of parsed.error.issues) {
      const parameter = String(issue.path[0]);
      if (!errors.some((error) => error.parameter === parameter)) errors.push({ parameter, message: issue.message });
    }
    return { ok: false, errors };
  }
  const { limit, cursor, ...filters } = parsed.data;
  if (cursor === undefined) return { ok: true, params: { filters, limit } };
  const decoded = decodeCursor(cursor, filters, cursorKey);
  if (!decoded.ok) return { ok: false, errors: [{ parameter: 'cursor', message: decoded.message }] };
  return { ok: true, params: { filters, limit, after: decoded.position } };
}
