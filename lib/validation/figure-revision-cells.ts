// The revision cells of an imported figure row (the CSV export's revision_id,
// replaces_revision_id, status and correction_reason): the figure itself is checked by
// figureInputSchema, as for the admin form and the API; this schema adds what only an import
// carries, the place of the row in its revision chain.
import { z } from 'zod';
import { choice, optionalText, rowId, whenValid } from './fields';

export const REVISION_STATUSES = ['current', 'superseded', 'retracted'] as const;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalRowId = z.preprocess(blankToUndefined, rowId.optional());

export const figureRevisionCellsSchema = z
  .object({
    revisionId: optionalRowId,
    replaces: optionalRowId,
    /** Blank in a hand-made file: the status then follows from the chain. */
    status: z.preprocess(blankToUndefined, choice(REVISION_STATUSES).optional()),
    reason: optionalText(1000),
  })
  .refine((input) => input.replaces === undefined || input.reason !== undefined, {
    path: ['reason'],
    message: 'is required for a correction: say why it replaces the revision it names',
    ...whenValid('replaces', 'reason'),
  })
  .refine((input) => input.reason === undefined || input.replaces !== undefined, {
    path: ['replaces'],
    message: 'is required with a correction reason: name the revision this row corrects',
    ...whenValid('replaces', 'reason'),
  })
  .refine((input) => input.status !== 'retracted' || input.replaces !== undefined, {
    path: ['status'],
    message: 'retracted marks a retraction, which must name the revision it withdraws in replaces_revision_id',
    ...whenValid('status', 'replaces'),
  })
  .refine((input) => input.replaces === undefined || input.replaces !== input.revisionId, {
    path: ['replaces'],
    message: 'must name another revision: a revision cannot replace itself',
    ...whenValid('replaces', 'revisionId'),
  });

export type FigureRevisionCells = z.infer<typeof figureRevisionCellsSchema>;
