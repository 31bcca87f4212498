// Figures as the CSV export reads them from the database (FigureExportRow), with every text field
// free to hold what editors paste: formula triggers, quotes, commas, line breaks, full-width forms,
// leading and trailing spaces. Each is a figure the import must read back exactly.
import fc from 'fast-check';
import type { FigureExportRow } from '@/lib/csv/columns';
import type { RevisionStatus } from '@/lib/figure-revisions';
import { anyText } from './text';

export const GROUPS = ['all-evacuees', 'us-nationals', 'afghans'] as const;
export const ZONES = ['Asia/Kabul', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Dublin', 'America/Santiago'];

/** Text as stored: not blank (the schemas refuse blank required text), within the column's length. */
const storedText = (max: number) => anyText(Math.min(max, 80), 1).filter((text) => text.trim() !== '');
const optionalStoredText = (max: number) => fc.option(storedText(max), { nil: null });

/** Instants of four-digit local years everywhere: 1900 to 2200 mostly, 1001 to 9997 at times. */
const instant = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }) },
  { weight: 1, arbitrary: fc.integer({ min: Date.UTC(1001, 0, 1), max: Date.UTC(9997, 0, 1) }) },
);
const ROW_ID = { min: 1, max: 2_147_483_647 };

const span = fc.oneof(
  fc.tuple(instant, instant).map(([a, b]) => ({ kind: 'CUMULATIVE' as const, basisStart: Math.min(a, b), windowStart: null, windowEnd: null, asOf: Math.max(a, b) })),
  fc.tuple(instant, instant, instant)
    .filter(([a, b]) => a !== b)
    .map(([a, b, asOf]) => ({ kind: 'WINDOW' as const, basisStart: null, windowStart: Math.min(a, b), windowEnd: Math.max(a, b), asOf })),
);

const revision = fc.integer(ROW_ID).chain((revisionId) =>
  fc.oneof(
    fc.constantFrom<RevisionStatus>('current', 'superseded').map((status) => ({ revisionId, replacesRevisionId: null, status, correctionReason: null })),
    fc
      .record({ replaces: fc.integer(ROW_ID).filter((id) => id !== revisionId), status: fc.constantFrom<RevisionStatus>('current', 'superseded', 'retracted'), reason: storedText(1000) })
      .map(({ replaces, status, reason }) => ({ revisionId, replacesRevisionId: replaces, status, correctionReason: reason })),
  ),
);

export const figureExportRow: fc.Arbitrary<FigureExportRow> = fc
  .record({
    group: fc.constantFrom(...GROUPS),
    value: fc.integer({ min: 0, max: 1_000_000_000 }),
    span,
    provisional: fc.boolean(),
    sourcePublisher: storedText(200),
    sourceVia: optionalStoredText(200),
    sourceTitle: storedText(500),
    sourceUrl: fc.option(fc.webUrl({ withQueryParameters: true, withFragments: true }), { nil: null }),
    sourceQuote: optionalStoredText(2000),
    sourcePublishedAt: fc.option(instant, { nil: null }),
    revision,
  })
  .map(({ span: figureSpan, revision: chain, ...row }) => ({ ...row, ...figureSpan, ...chain }));
