// Operations full of awkward figures, as the database stores them: text with formula triggers
// (also after whitespace and quotes), quotes, commas, CR and LF, `\.`, any script, empty strings
// and NULLs; instants to the millisecond, from the year 1001 to 9997, near daylight-saving changes
// and in the era of local mean time (offsets with seconds); operations in time zones with odd
// offsets. And the export parameters to read them with.
import fc from 'fast-check';
import type { FigureExportParams } from '@/lib/csv/export-params';
import { anyText } from './text';

/**
 * Zones with offsets of every kind: quarter and half hours, negative half hours, 30-minute DST,
 * negative DST, +14, and local mean time with seconds (Monrovia until 1972, Lisbon until 1912).
 * Not zones the tz database has merged into others (Europe/Amsterdam, Europe/Oslo, Asia/Kuwait…):
 * for those, before 1970, Node's ICU data and PostgreSQL's (Debian's tzdata, built with the old
 * history) give different offsets, a difference of data, not of formatting. Nor Africa/Casablanca,
 * whose tabulated future changes differ between tz database releases (the embedded database
 * bundles its own).
 */
export const EXPORT_ZONES = [
  'Asia/Kabul', 'UTC', 'Asia/Kathmandu', 'America/St_Johns', 'America/New_York', 'Europe/Dublin',
  'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'Asia/Tehran', 'Pacific/Kiritimati',
  'Pacific/Pago_Pago', 'Africa/Monrovia', 'Europe/Lisbon', 'Antarctica/Troll', 'Asia/Kolkata',
];
export const EXPORT_GROUPS = ['all-evacuees', 'us-nationals', 'afghans'] as const;

const AWKWARD = [
  '', ' ', '\\.', '\\', '=1+1', ' =1+1', '\u3000=A1', "'=x", "''+1", '-', '@SUM(A1)', '\t-1', '\r\n=1', '\n@',
  '\uFF1D1', '\uFEFF+1', '\u00A0-2', 'a,b', 'say "hi"', '"', 'line\rbreak', 'line\nbreak', 'NULL', '\\N', '#', 'caf\u00e9',
];

/** Text as stored in a column that may hold anything but blank text. */
const storedText = (max: number) =>
  fc.oneof(fc.constantFrom(...AWKWARD.filter((text) => text.trim() !== '')), anyText(Math.min(max, 60), 1))
    .filter((text) => text.trim() !== '');
/** Text in a column with no blank check: may be empty, blank, or NULL. */
const freeText = fc.option(fc.oneof(fc.constantFrom(...AWKWARD), anyText(60)), { nil: null });

/** Instants near the 2021 daylight-saving changes of several zones, to the millisecond. */
const TRANSITIONS = [Date.UTC(2021, 2, 14, 7), Date.UTC(2021, 9, 31, 1), Date.UTC(2021, 3, 3, 15), Date.UTC(2021, 3, 4, 3), Date.UTC(2021, 8, 21, 20, 30), Date.UTC(2037, 10, 1, 6)];
const HOUR = 3_600_000;
export const storedInstant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }) },
  { weight: 1, arbitrary: fc.integer({ min: Date.UTC(1001, 0, 2), max: Date.UTC(9997, 0, 1) }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * HOUR, max: 3 * HOUR })).map(([at, d]) => at + d) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 59 }).map((minute) => Date.UTC(2021, 7, 22, 0, minute)) },
);

export interface StoredFigure {
  group: number;
  value: number;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: number | null;
  windowStart: number | null;
  windowEnd: number | null;
  asOf: number;
  provisional: boolean;
  /** Index of an earlier figure of the list this one replaces, or null. */
  replaces: number | null;
  retracted: boolean;
  correctionReason: string;
  source: { publisher: string; title: string; url: string | null; via: string | null; quote: string | null; publishedAt: number | null };
}

const span = fc.oneof(
  fc.tuple(storedInstant, storedInstant).map(([a, b]) => ({ kind: 'CUMULATIVE' as const, basisStart: Math.min(a, b), windowStart: null, windowEnd: null, asOf: Math.max(a, b) })),
  fc.tuple(storedInstant, storedInstant, storedInstant)
    .filter(([a, b]) => a !== b)
    .map(([a, b, asOf]) => ({ kind: 'WINDOW' as const, basisStart: null, windowStart: Math.min(a, b), windowEnd: Math.max(a, b), asOf })),
);

const storedFigure = fc
  .record({
    group: fc.integer({ min: 0, max: EXPORT_GROUPS.length - 1 }),
    value: fc.oneof(fc.constantFrom(0, 1_000_000_000), fc.integer({ min: 0, max: 1_000_000_000 })),
    span,
    provisional: fc.boolean(),
    replaces: fc.option(fc.nat(), { nil: null }),
    retracted: fc.boolean(),
    correctionReason: storedText(1000),
    source: fc.record({
      publisher: storedText(200),
      title: storedText(500),
      url: fc.option(fc.oneof(fc.constantFrom('https://example.org/a,b', 'http://x.test/"q"', 'https://x.test/=1'), fc.webUrl({ withQueryParameters: true, withFragments: true })), { nil: null }),
      via: freeText,
      quote: freeText,
      publishedAt: fc.option(storedInstant, { nil: null }),
    }),
  })
  .map(({ span: figureSpan, ...figure }) => ({ ...figure, ...figureSpan }));

/** A list of figures; `replaces` points at an earlier figure, each replaced at most once. */
export const storedFigures: fc.Arbitrary<StoredFigure[]> = fc.array(storedFigure, { minLength: 0, maxLength: 8 }).map((figures) => {
  const replaced = new Set<number>();
  return figures.map((figure, index) => {
    const target = figure.replaces === null || index === 0 ? null : figure.replaces % index;
    if (target === null || replaced.has(target)) return { ...figure, replaces: null, retracted: false };
    replaced.add(target);
    return { ...figure, replaces: target };
  });
});

const day = fc.oneof(
  fc.integer({ min: 1900, max: 2200 }),
  fc.integer({ min: 1000, max: 9998 }),
).chain((year) => fc.tuple(fc.constant(year), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })))
  .map(([year, month, dayOfMonth]) => `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);

export const exportParams: fc.Arbitrary<FigureExportParams> = fc.record({
  group: fc.option(fc.constantFrom(...EXPORT_GROUPS), { nil: undefined }),
  from: fc.option(day, { nil: undefined, freq: 3 }),
  to: fc.option(day, { nil: undefined, freq: 3 }),
  asOf: fc.option(day, { nil: undefined, freq: 3 }),
  revisions: fc.constantFrom('current' as const, 'all' as const),
  excel: fc.boolean(),
  hxl: fc.boolean(),
});
